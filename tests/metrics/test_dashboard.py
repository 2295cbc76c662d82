"""The Grafana dashboard against the real Prometheus of the metrics tests: every query runs, and
the queries per situation show only counts of 5 and more (the script answers contacts_aide 8
times, everything else fewer)."""
import time

import pytest

from tests.metrics.dashboard import HIDE_BELOW_5, as_sent, queries


@pytest.mark.parametrize("title,expression", list(queries()))
def test_every_query_runs(observed, title, expression):
    observed.prometheus.query(as_sent(expression))


HIDING = [(title, expression) for title, expression in queries() if HIDE_BELOW_5 in expression]


@pytest.mark.parametrize("title,expression", HIDING)
def test_counts_below_5_are_hidden(observed, title, expression):
    now = time.time()   # both at the same moment: increase() extrapolates to it
    shown = observed.prometheus.values(as_sent(expression), "situation", "country", "reply", at=now)
    everything = observed.prometheus.values(as_sent(expression.replace(HIDE_BELOW_5, "")),
                                            "situation", "country", "reply", at=now)
    assert any(0 < value < 5 for value in everything.values()), "the script gives this panel small counts"
    assert shown == {key: value for key, value in everything.items() if value >= 5}


def test_the_situation_seen_often_enough_shows(observed):
    title, expression = next((t, e) for t, e in HIDING if t == "Answers per situation")
    assert list(observed.prometheus.values(as_sent(expression), "situation")) == [("contacts_aide",)]
