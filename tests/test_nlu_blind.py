"""NLU gate on the blind sets (tests/nlu_blind/: authors who never saw data/nlu, never trained on).

The thresholds sit a margin under the figures measured when the sets were frozen (README,
"Understanding"), so that a retrain on another machine cannot flake the gate."""
import pytest

from tooling.evaluation import blind_sets, evaluate
from tooling.processes import MODEL
from vigie.scenarios import DANGER, EVERYDAY, GROUP_OF, SITUATIONS

# measured on every blind set together (1,704 messages: every group from Lévis and Differdange, Bienne and
# Delémont, Arlon and Saint-Denis de La Réunion; everyday days from Strasbourg, Longueuil, Mons, Bordeaux,
# Brest, Dudelange, Saint-Étienne and Esch-sur-Alzette; figures of speech from Montpellier, Nice, Perpignan
# and Drummondville, Nancy and Martigny; danger said indirectly from Tournai, Ettelbruck and Chicoutimi,
# Mulhouse and Yverdon, Angers and Wavre; long stories from Grenoble, Ettelbruck and Chicoutimi, Lille and
# Neuchâtel, Clermont-Ferrand and Verviers; follow-up questions from Nantes, Rimouski and Trois-Rivières;
# docs/understanding.md): macro-F1 0.883, danger recall 0.873 (0.96 with the direct question), false
# alarms 2.8 %, figures of speech with a danger answer 4.4 %, everyday first messages with one 2.0 % and
# answered as a situation 7.3 %, long stories 0.879, follow-up questions 0.79. The logistic regression is
# deterministic, so the margins only absorb library drift; the targets live in `make bench`.
MIN_MACRO_F1 = 0.87
MIN_DANGER_RECALL = 0.86
MAX_FALSE_ALARMS = 0.031
MAX_ALARMS = {"figures": 0.05, "quotidien": 0.03}
MAX_EVERYDAY_AS_SITUATION = 0.085
MIN_DANGER_ANSWERED_OR_ASKED = 0.94
MIN_STORIES_ACCURACY = 0.85
MIN_FOLLOWUPS_ACCURACY = 0.76


@pytest.fixture(scope="module")
def result():
    return evaluate(str(MODEL))


def test_blind_sets_cover_every_scenario(result):
    assert len(blind_sets()) >= 2
    assert min(result["per_intent"][intent]["support"]
               for intent in SITUATIONS + EVERYDAY if intent not in GROUP_OF) >= 25


def test_macro_f1(result):
    assert result["macro_f1"] >= MIN_MACRO_F1, result["confusions"]


def test_danger_recall(result):
    misses = [e for e in result["errors"] if e["gold"] in DANGER]
    assert result["danger_recall"] >= MIN_DANGER_RECALL, misses


def test_false_alarms(result):
    alarms = [e for e in result["errors"] if e["predicted"] in DANGER and e["gold"] not in DANGER]
    assert result["false_alarm_rate"] <= MAX_FALSE_ALARMS, alarms


def test_everyday_and_figures_of_speech_get_no_danger_answer(result):
    for kind, most in MAX_ALARMS.items():
        figures = result["by_kind"][kind]
        assert figures["everyday_alarm_rate"] <= most, (kind, figures["everyday_alarm_rate"])


def test_everyday_worries_are_not_answered_as_a_situation(result):
    assert result["by_kind"]["quotidien"]["everyday_as_situation_rate"] <= MAX_EVERYDAY_AS_SITUATION


def test_every_danger_message_gets_its_answer_or_the_direct_question(result):
    assert result["danger_recall_or_asked"] >= MIN_DANGER_ANSWERED_OR_ASKED


def test_long_stories(result):
    assert result["by_kind"]["recits"]["accuracy"] >= MIN_STORIES_ACCURACY


def test_follow_up_questions(result):
    assert result["by_kind"]["suites"]["accuracy"] >= MIN_FOLLOWUPS_ACCURACY
