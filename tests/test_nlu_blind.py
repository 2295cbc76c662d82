"""NLU gate on the blind sets (tests/nlu_blind/: authors who never saw data/nlu, never trained on).

The thresholds sit a margin under the figures measured when the sets were frozen (README,
"Understanding"), so that a retrain on another machine cannot flake the gate."""
import pytest

from vigie.processes import MODEL
from vigie.scenarios import DANGER, EVERYDAY
from vigie.evaluation import SITUATIONS, blind_sets, evaluate

# measured on every blind set together (2026-12-07, 860 messages: the situations of 2026-11-30
# and the open world of 2026-12-07; docs/understanding.md): macro-F1 0.920, danger recall 0.909
# (0.939 with the direct question), false alarms 1.4 %, figures of speech with a danger answer
# 5 %, everyday worries with one 1.8 %, answered as a situation 8.5 %, long stories 0.90. The
# logistic regression is deterministic, so the margins only absorb library drift; the targets
# live in `make bench`.
MIN_MACRO_F1 = 0.90
MIN_DANGER_RECALL = 0.88
MAX_FALSE_ALARMS = 0.025
MAX_EVERYDAY_ALARMS = 0.07
MAX_EVERYDAY_AS_SITUATION = 0.12
MIN_DANGER_ANSWERED_OR_ASKED = 0.92
MIN_STORIES_ACCURACY = 0.86


@pytest.fixture(scope="module")
def result():
    return evaluate(str(MODEL))


def test_blind_sets_cover_every_scenario(result):
    assert len(blind_sets()) >= 2
    assert min(result["per_intent"][intent]["support"] for intent in SITUATIONS + EVERYDAY) >= 25


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
