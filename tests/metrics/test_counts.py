"""After the scripted conversations (script.py), a real Prometheus holds the counts Vigie made:
per situation and country, per channel, danger answers, direct questions and their replies,
fallbacks, erasures, Telegram updates, action errors and backup answers, latency."""
from collections import Counter

from tests.metrics.prometheus import JOB


def counts(observed, expression: str, *labels: str) -> Counter:
    """Non-zero values, rounded: counters of whole events."""
    return Counter({key: round(value) for key, value in observed.prometheus.values(expression, *labels).items()
                    if round(value)})


def test_prometheus_scrapes_the_rasa_process_with_the_projects_config(observed):
    targets = observed.prometheus.get("/api/v1/targets")["activeTargets"]
    assert [(t["labels"]["job"], t["health"], t["scrapeUrl"]) for t in targets] == [
        (JOB, "up", observed.metrics_url)]


def test_answers_per_situation_and_country(observed):
    assert counts(observed, "sum by (situation, country) (vigie_answers_total)", "situation", "country") \
        == observed.script.answers("situation", "country")


def test_answers_and_timed_turns_per_channel(observed):
    expected = observed.script.answers("channel")
    assert expected == Counter({("rest",): 19, ("telegram",): 2, ("autre",): 1})
    assert counts(observed, "sum by (channel) (vigie_answers_total)", "channel") == expected
    assert counts(observed, "sum by (channel) (vigie_turn_duration_seconds_count)", "channel") == expected


def test_danger_answers(observed):
    assert counts(observed, "sum by (situation, country, channel) (vigie_danger_answers_total)",
                  "situation", "country", "channel") == observed.script.dangers()


def test_direct_questions_and_their_yes_or_no(observed):
    assert counts(observed, "vigie_danger_questions_total", "situation") == {("urgence",): 1, ("detresse",): 1}
    assert counts(observed, "vigie_danger_question_replies_total", "situation", "reply") == {
        ("urgence", "non"): 1, ("detresse", "oui"): 1}


def test_fallbacks_and_erasures(observed):
    assert counts(observed, "vigie_fallbacks_total", "kind") == {("nlu",): 1}
    assert counts(observed, "vigie_conversations_erased_total", "channel") == {("rest",): 1}


def test_telegram_updates_received_duplicated_refused(observed):
    assert counts(observed, "vigie_telegram_updates_total", "result") == {
        ("new",): 2, ("duplicate",): 1, ("refused",): 1, ("invalid",): 1}


def test_the_stopped_action_server_shows_as_an_error_and_a_backup_answer(observed):
    # the answer's two custom actions fail; only the helplines have a backup (the robot notice has none)
    assert counts(observed, "vigie_action_errors_total", "action", "reason") == {
        ("action_orienter", "unreachable"): 1, ("action_avis_robot", "unreachable"): 1}
    assert counts(observed, "vigie_backup_answers_total", "action") == {("action_orienter",): 1}
    assert counts(observed, "sum(vigie_failed_turns_total)") == {}   # every message got its answer


def test_latency_quantiles_come_from_the_histogram(observed):
    p50, p95 = (observed.prometheus.values(
        f"histogram_quantile({q}, sum by (le) (vigie_turn_duration_seconds_bucket))")[()] for q in (0.5, 0.95))
    assert 0 < p50 <= p95 < 5
    total = observed.prometheus.values("sum(vigie_turn_duration_seconds_sum)")[()]
    assert 0 < total < 5 * sum(observed.script.answers("channel").values())
