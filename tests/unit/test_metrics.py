"""The metrics without a server: what a saved turn counts as (vigie/turns.py), the labels' fixed
lists, the failures of an action, the loopback endpoint, the dashboard's queries and the scrape
configuration (the metrics layer, tests/metrics, runs them against a real Prometheus)."""
import asyncio
import re
import socket
import urllib.request

import aiohttp
import jsonschema
import pytest
import yaml
from prometheus_client import REGISTRY, generate_latest
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from tests.metrics.dashboard import HIDE_BELOW_5, queries
from vigie import metrics, resilience
from vigie.domain_files import DOMAIN_DIR
from tooling.processes import ROOT, free_port
from vigie.server import serves_messages
from vigie.stores import ErasableInMemoryTrackerStore
from vigie.turns import Turn, read_turn

DOMAIN = Domain.load(str(DOMAIN_DIR))
LISTEN = ActionExecuted("action_listen")


def said(intent: str, channel: str = "rest") -> UserUttered:
    return UserUttered("…", {"name": intent, "confidence": 1.0}, input_channel=channel)


def answered(*actions: str) -> list:
    return [ActionExecuted(action) for action in actions] + [LISTEN]


QUESTION = [LISTEN, said("verifier_danger"), ActionExecuted("action_verifier_danger"),
            SlotSet("doute", "detresse"), SlotSet("alternative", "autre_souci"), LISTEN]


# ---------- what a turn counts as ----------

def test_a_turn_is_its_channel_and_the_intent_answered():
    turn = read_turn([LISTEN, said("chantage"), *answered("utter_chantage_stop", "action_orienter")])
    assert turn == Turn("rest", "chantage")
    assert turn.situation == "chantage" and turn.danger


def test_a_turn_no_channel_brought_is_not_counted():
    """Vigie's warm-up talks to the agent directly (vigie/warmup.py)."""
    assert read_turn([LISTEN, UserUttered("bonjour", {"name": "saluer"}), *answered("utter_bienvenue")]) is None


@pytest.mark.parametrize("intent,situation,danger", [
    ("intoxication", "urgence", True), ("detresse_ami", "detresse", True), ("deja_paye", "chantage", False),
    ("verifier_danger", "verifier_danger", False), ("autre_souci", "autre_souci", False)])
def test_situations_are_the_measurements_groups(intent, situation, danger):
    turn = read_turn([said(intent), *answered("action_orienter")])
    assert (turn.situation, turn.danger) == (situation, danger)


def test_the_direct_question_is_counted_with_the_danger_it_asks_about():
    assert read_turn(QUESTION).asked == "detresse"
    assert read_turn([said("chantage"), *answered("action_orienter")]).asked is None


def test_no_to_the_question_is_counted_and_the_answer_is_the_one_it_chose():
    """action_reponse_doute replays the alternative as a message without a channel."""
    events = QUESTION + [said("nier"), ActionExecuted("action_reponse_doute"), SlotSet("doute", None),
                         LISTEN, UserUttered("/autre_souci", {"name": "autre_souci"}),
                         *answered("utter_autre_souci", "action_orienter")]
    assert read_turn(events) == Turn("rest", "autre_souci", reply=("detresse", "non"))


@pytest.mark.parametrize("intent,reply", [("affirmer", "oui"), ("detresse", "oui"), ("saluer", "autre")])
def test_yes_typed_or_pressed_and_something_else(intent, reply):
    assert read_turn(QUESTION + [said(intent, "telegram"), *answered("utter_detresse_ligne")]).reply == (
        "detresse", reply)


def test_a_reply_after_a_new_session_is_no_reply():
    events = QUESTION + [ActionExecuted("action_session_start"), SessionStarted(), LISTEN, said("nier"),
                         *answered("utter_nier")]
    assert read_turn(events).reply is None


def test_fallbacks():
    assert read_turn([said("nlu_fallback"), *answered("utter_pas_compris")]).fallback == "nlu"
    assert read_turn([said("saluer"), *answered("action_default_fallback")]).fallback == "dialogue"
    assert read_turn([said("saluer"), *answered("utter_bienvenue")]).fallback is None


# ---------- what is counted, with which labels ----------

def sample(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def tracker(*events, sender: str = "ado-zorblaxine") -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, list(events), slots=DOMAIN.slots)


def test_a_saved_turn_counts_its_answer_country_and_channel():
    before = sample("vigie_answers_total", situation="chantage", country="FR", channel="telegram")
    dangers = sample("vigie_danger_answers_total", situation="chantage", country="FR", channel="telegram")
    metrics.count_saved_turn(tracker(SlotSet("pays", "FR"), said("chantage", "telegram"),
                                     *answered("action_orienter")), erased=False)
    assert sample("vigie_answers_total", situation="chantage", country="FR", channel="telegram") == before + 1
    assert sample("vigie_danger_answers_total", situation="chantage", country="FR", channel="telegram") \
        == dangers + 1


def test_without_a_country_the_default_one_counts():
    before = sample("vigie_answers_total", situation="saluer", country="BE", channel="rest")
    metrics.count_saved_turn(tracker(said("saluer"), *answered("utter_bienvenue")), erased=False)
    assert sample("vigie_answers_total", situation="saluer", country="BE", channel="rest") == before + 1


def test_what_no_list_holds_is_counted_as_autre_and_never_shown():
    before = sample("vigie_answers_total", situation="autre", country="autre", channel="autre")
    made_up = UserUttered("…", {"name": "intent_zorblaxine"}, input_channel="canal-quokkavert")
    metrics.count_saved_turn(tracker(SlotSet("pays", "XX"), made_up, *answered("utter_bienvenue")), erased=True)
    assert sample("vigie_answers_total", situation="autre", country="autre", channel="autre") == before + 1
    assert sample("vigie_conversations_erased_total", channel="autre") >= 1
    shown = generate_latest(REGISTRY).decode()
    assert not re.search("zorblaxine|quokkavert|XX", shown)


def test_a_broken_turn_costs_no_answer():
    metrics.count_saved_turn(object(), erased=False)   # logged, not raised


@pytest.mark.asyncio
async def test_the_store_counts_an_erasure_once():
    before = sample("vigie_conversations_erased_total", channel="rest")
    await ErasableInMemoryTrackerStore(DOMAIN).save(tracker(said("effacer"), *answered("utter_effacer")))
    assert sample("vigie_conversations_erased_total", channel="rest") == before + 1


def test_every_fixed_series_starts_at_zero():
    """increase() and rate() in Prometheus count a series' first event only from a first sample."""
    assert REGISTRY.get_sample_value("vigie_answers_total",
                                     {"situation": "rencontre", "country": "LU", "channel": "socketio"}) == 0
    assert REGISTRY.get_sample_value("vigie_telegram_updates_total", {"result": "refused"}) is not None
    assert set(metrics.DANGERS) == {"urgence", "detresse", "chantage"}
    assert {"nlu_fallback", "chantage", "effacer"} <= set(metrics.SITUATIONS)
    assert "intoxication" not in metrics.SITUATIONS   # counted as urgence


# ---------- failures of an action ----------

@pytest.mark.parametrize("error,reason", [
    (asyncio.TimeoutError(), "timeout"), (aiohttp.ServerTimeoutError(), "timeout"),
    (aiohttp.ServerDisconnectedError(), "unreachable"),
    (aiohttp.ClientResponseError(None, (), status=500), "http_error"),
    (jsonschema.ValidationError("not a list"), "invalid_answer"), (KeyError("pays"), "error")])
def test_failure_reasons(error, reason):
    assert resilience.failure_reason(error) == reason


@pytest.mark.asyncio
async def test_a_failed_action_counts_an_error_and_the_backup_answer():
    """Without an action endpoint the call fails at once (the metrics layer stops a real action
    server instead: "unreachable")."""
    errors = sample("vigie_action_errors_total", action="action_orienter", reason="error")
    backups = sample("vigie_backup_answers_total", action="action_orienter")
    action = resilience.ResilientRemoteAction("action_orienter", None)
    events = await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses),
                              tracker(said("contacts_aide")), DOMAIN)
    assert "116 000" in events[0].text   # the backup response, Belgium by default
    assert sample("vigie_action_errors_total", action="action_orienter", reason="error") == errors + 1
    assert sample("vigie_backup_answers_total", action="action_orienter") == backups + 1


# ---------- serving ----------

def test_metrics_are_served_only_when_a_port_is_given():
    assert metrics.serve_from_environment({}) is None


def test_metrics_are_served_on_loopback_by_default():
    port = metrics.serve_from_environment({"VIGIE_METRICS_PORT": str(free_port())})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        assert b"vigie_turn_duration_seconds_bucket" in response.read()
    outside = _non_loopback_address()
    if outside:
        with pytest.raises(OSError):
            socket.create_connection((outside, port), timeout=2)


def test_a_port_already_taken_stops_the_start():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError):
            metrics.serve_from_environment({"VIGIE_METRICS_PORT": str(taken.getsockname()[1])})


def _non_loopback_address():
    """This machine's address on its default route, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))   # a documentation address: no packet is sent
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


@pytest.mark.parametrize("argv,serves", [
    (["rasa", "run", "-m", "models/vigie.tar.gz"], True), (["rasa", "run", "actions"], False),
    (["rasa", "train"], False), (["rasa", "shell"], False), (["rasa"], False)])
def test_only_the_server_of_messages_serves_metrics(argv, serves):
    assert serves_messages(argv) is serves


# ---------- the dashboard and the scrape configuration ----------

def _known_names() -> set:
    names = set()
    for family in REGISTRY.collect():
        if family.name.startswith("vigie_"):
            names |= {s.name for s in family.samples}
    return names


def test_the_dashboard_reads_only_metrics_that_exist():
    used = {name for _, expression in queries() for name in re.findall(r"\b(vigie_\w+|process_\w+|up)\b", expression)}
    vigie_names = {name for name in used if name.startswith("vigie_")}
    assert vigie_names and vigie_names <= _known_names()
    assert used - vigie_names <= {"up", "process_resident_memory_bytes"}


def test_every_query_per_situation_or_country_hides_counts_below_5():
    detailed = [(title, expression) for title, expression in queries()
                if re.search(r"by \([^)]*\b(situation|country)\b", expression)]
    assert len(detailed) >= 7
    assert [title for title, expression in detailed if not expression.rstrip(")").endswith(HIDE_BELOW_5)] == []


def test_prometheus_keeps_every_metric_of_vigie_and_nothing_else_of_the_process():
    job = yaml.safe_load((ROOT / "deploy" / "prometheus.yml").read_text())["scrape_configs"][0]
    assert job["job_name"] == "vigie"
    keep = next(rule for rule in job["metric_relabel_configs"] if rule["action"] == "keep")
    kept = re.compile(f"^(?:{keep['regex']})$")
    assert all(kept.match(name) for name in _known_names())
    assert kept.match("process_resident_memory_bytes") and not kept.match("python_info")
