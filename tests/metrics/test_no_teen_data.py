"""Nothing a teen sent, and no conversation or chat id, reaches the metrics: not the text Rasa
serves, not what Prometheus stored (its API and its files on disk), not the Rasa log either.
Every label value of Vigie's series comes from the fixed lists of vigie/metrics.py."""
import json

import pytest
import requests

from tests.metrics.script import MARKERS, TELEGRAM_CHAT
from vigie import metrics
from vigie.directory import COUNTRIES


def secrets(observed) -> list:
    """The marker words of the messages, the REST senders' ids, the Telegram chat's id."""
    return [*MARKERS, *observed.script.senders, str(TELEGRAM_CHAT), f"tg-{TELEGRAM_CHAT}"]


def leaked(observed, text: str) -> list:
    return [secret for secret in secrets(observed) if secret.lower() in text.lower()]


def test_the_scraped_text_holds_no_text_and_no_id(observed):
    scraped = requests.get(observed.metrics_url, timeout=10).text
    assert "vigie_answers_total" in scraped
    assert leaked(observed, scraped) == []


def test_prometheus_holds_no_text_and_no_id(observed):
    api = observed.prometheus
    series = api.get("/api/v1/series", **{"match[]": '{__name__=~".+"}'})
    assert any(s["__name__"] == "vigie_answers_total" for s in series)
    names = api.get("/api/v1/labels")
    values = {name: api.get(f"/api/v1/label/{name}/values") for name in names}
    assert leaked(observed, json.dumps([series, names, values], ensure_ascii=False)) == []


def test_prometheus_files_on_disk_hold_no_text_and_no_id(observed):
    stored = b"".join(path.read_bytes() for path in observed.prometheus.directory.rglob("*") if path.is_file())
    assert b"vigie_answers_total" in stored   # the write-ahead log names every series it holds
    assert [s for s in secrets(observed) if s.lower().encode() in stored.lower()] == []


ALLOWED = {"channel": metrics.CHANNELS, "country": COUNTRIES, "situation": metrics.SITUATIONS,
           "reply": metrics.REPLIES, "kind": metrics.FALLBACK_KINDS, "result": metrics.TELEGRAM_RESULTS,
           "action": metrics.ACTIONS, "reason": metrics.ACTION_FAILURES}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_every_label_value_comes_from_a_fixed_list(observed, name):
    series = observed.prometheus.get("/api/v1/series", **{"match[]": '{__name__=~"vigie_.+"}'})
    found = {s[name] for s in series if name in s}
    assert found and found <= set(ALLOWED[name]) | {metrics.OTHER}
    extra = {key for s in series for key in s} - set(ALLOWED) - {"__name__", "instance", "job", "le"}
    assert extra == set()


def test_the_rasa_log_holds_no_text(observed):
    log = observed.bench.log()
    assert "Custom action action_orienter failed" in log   # the log is the server's, and was written
    assert [marker for marker in MARKERS if marker in log.lower()] == []
