"""NLU gate on the held-out set (tests/nlu_holdout.yml, written independently, never trained on)."""
import pytest

from tests.stack import MODEL
from vigie.evaluation import evaluate

MIN_MACRO_F1 = 0.85
MIN_RECALL = {"urgence": 0.95, "detresse": 0.95, "chantage": 0.95}


@pytest.fixture(scope="module")
def result():
    return evaluate(str(MODEL))


def test_holdout_is_large_enough(result):
    scenario_support = [v["support"] for k, v in result["per_intent"].items()]
    assert result["examples"] >= 300 and min(scenario_support) >= 8


def test_macro_f1(result):
    assert result["macro_f1"] >= MIN_MACRO_F1, result["confusions"]


@pytest.mark.parametrize("intent", sorted(MIN_RECALL))
def test_danger_recall(result, intent):
    recall = result["per_intent"][intent]["recall"]
    misses = [e["text"] for e in result["errors"] if e["gold"] == intent]
    assert recall >= MIN_RECALL[intent], misses
