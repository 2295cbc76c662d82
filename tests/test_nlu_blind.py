"""NLU gate on the blind sets (tests/nlu_blind/: authors who never saw data/nlu, never trained on).

The thresholds sit a margin under the figures measured when the sets were frozen (README,
"Understanding"), so that a retrain on another machine cannot flake the gate."""
import pytest

from vigie.processes import MODEL
from vigie.scenarios import DANGER
from vigie.evaluation import blind_sets, evaluate

# measured on sets E, F and G together (2026-11-30, 510 messages): macro-F1 0.969, danger recall
# 1.0 (90/90), false alarms 0.7 %; the logistic regression is deterministic, so the margins only
# absorb library drift
MIN_MACRO_F1 = 0.94
MIN_DANGER_RECALL = 0.97
MAX_FALSE_ALARMS = 0.02
MAX_EVERYDAY_ALARMS = 0.03
MAX_EVERYDAY_AS_SITUATION = 0.10
MIN_DANGER_ANSWERED_OR_ASKED = 0.95
MIN_STORIES_ACCURACY = 0.85


@pytest.fixture(scope="module")
def result():
    return evaluate(str(MODEL))


def test_blind_sets_cover_every_scenario(result):
    assert len(blind_sets()) >= 2
    assert min(v["support"] for v in result["per_intent"].values()) >= 25


def test_macro_f1(result):
    assert result["macro_f1"] >= MIN_MACRO_F1, result["confusions"]


def test_danger_recall(result):
    misses = [e for e in result["errors"] if e["gold"] in DANGER]
    assert result["danger_recall"] >= MIN_DANGER_RECALL, misses


def test_false_alarms(result):
    alarms = [e for e in result["errors"] if e["predicted"] in DANGER and e["gold"] not in DANGER]
    assert result["false_alarm_rate"] <= MAX_FALSE_ALARMS, alarms


def test_everyday_and_figures_of_speech_get_no_danger_answer(result):
    for kind in ("figures", "quotidien"):
        figures = result["by_kind"][kind]
        assert figures["everyday_alarm_rate"] <= MAX_EVERYDAY_ALARMS, (kind, figures["everyday_alarm_rate"])


def test_everyday_worries_are_not_answered_as_a_situation(result):
    assert result["by_kind"]["quotidien"]["everyday_as_situation_rate"] <= MAX_EVERYDAY_AS_SITUATION


def test_every_danger_message_gets_its_answer_or_the_direct_question(result):
    assert result["danger_recall_or_asked"] >= MIN_DANGER_ANSWERED_OR_ASKED


def test_long_stories(result):
    assert result["by_kind"]["recits"]["accuracy"] >= MIN_STORIES_ACCURACY
