"""The load test's answer check can fail (tests/test_load.py relies on bench/load.py's)."""
from bench.load import problem_with


def test_a_missing_answer_another_senders_answer_or_a_missing_marker_is_a_problem():
    assert problem_with([], "a", ["ne paie pas"]) == "no answer"
    assert problem_with(None, "a", []) == "no answer"
    assert "another conversation" in problem_with([{"recipient_id": "b", "text": "ne paie pas"}], "a", [])
    assert "missing" in problem_with([{"recipient_id": "a", "text": "bonjour"}], "a", ["ne paie pas"])


def test_the_right_answer_is_no_problem():
    assert problem_with([{"recipient_id": "a", "text": "Surtout, ne paie pas."}], "a", ["ne paie pas"]) is None
