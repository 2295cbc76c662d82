"""Vigie's Prometheus metrics (docs/metrics.md): turns and their latency, answers by situation,
country and channel, danger answers and direct questions, fallbacks, failures, Telegram updates,
erasures.

Each Rasa process counts its own and serves them on a loopback port of its own
(VIGIE_METRICS_PORT): Prometheus scrapes every process as a target and adds them up, so
several processes, on one machine or several, need no shared directory.

A label value comes only from the fixed lists below: the domain's intents and custom actions,
the directory's countries, the channels' names; anything else is counted as "autre". No text,
conversation id or chat id ever becomes a label."""
import functools
import logging
import os
from typing import Iterable, Mapping, Optional, Tuple

from prometheus_client import Counter, Histogram, disable_created_metrics, start_http_server

from vigie.directory import COUNTRIES, default_country
from vigie.domain_files import domain_yaml
from vigie.scenarios import DANGER, FRIEND_DESPAIR, GROUP_OF
from vigie.turns import NLU_FALLBACK, read_turn

logger = logging.getLogger(__name__)

PORT_VARIABLE = "VIGIE_METRICS_PORT"
ADDRESS_VARIABLE = "VIGIE_METRICS_ADDRESS"
DEFAULT_ADDRESS = "127.0.0.1"   # only the operator's own machine; docs/metrics.md to expose it
COUNTRY_SLOT = "pays"

OTHER = "autre"
CHANNELS = ("rest", "socketio", "telegram")
REPLIES = ("oui", "non", OTHER)
FALLBACK_KINDS = ("nlu", "dialogue")
TELEGRAM_RESULTS = ("new", "duplicate", "refused", "invalid")
ACTION_FAILURES = ("timeout", "unreachable", "http_error", "invalid_answer", "error")


def _names(entries: Iterable) -> list:
    """Domain list entries: a name, or a mapping whose key is the name."""
    return [entry if isinstance(entry, str) else next(iter(entry)) for entry in entries]


_DOMAIN = domain_yaml()
SITUATIONS = tuple(sorted({GROUP_OF.get(i, i) for i in _names(_DOMAIN["intents"]) + [NLU_FALLBACK]}))
DANGERS = tuple(sorted({GROUP_OF.get(i, i) for i in DANGER + (FRIEND_DESPAIR,)}))
ACTIONS = tuple(sorted(_names(_DOMAIN["actions"])))

# a *_created sample per series would double the output for nothing the dashboard reads
disable_created_metrics()

TURN_SECONDS = Histogram(
    "vigie_turn_duration_seconds",
    "Turns: time from a message reaching the channel to its last answer, by channel",
    ["channel"], buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30))
FAILED_TURNS = Counter(
    "vigie_failed_turns", "Messages Rasa failed on: the channel sent its apology with the emergency number",
    ["channel"])
ANSWERS = Counter(
    "vigie_answers", "Answers, by situation (the intent answered, grouped), country and channel",
    ["situation", "country", "channel"])
DANGER_ANSWERS = Counter(
    "vigie_danger_answers", "Danger answers (urgence, detresse, chantage; their number first)",
    ["situation", "country", "channel"])
DANGER_QUESTIONS = Counter(
    "vigie_danger_questions", "Direct questions asked about a possible danger, by that danger",
    ["situation"])
DANGER_REPLIES = Counter(
    "vigie_danger_question_replies", "Replies to the direct question, by the danger asked about and the reply",
    ["situation", "reply"])
FALLBACKS = Counter(
    "vigie_fallbacks", "Messages not understood (nlu) or that no rule answered (dialogue)", ["kind"])
ACTION_ERRORS = Counter(
    "vigie_action_errors", "Custom actions that failed, by action and reason", ["action", "reason"])
BACKUP_ANSWERS = Counter(
    "vigie_backup_answers", "The domain's backup response sent for a failed action", ["action"])
TELEGRAM_UPDATES = Counter(
    "vigie_telegram_updates", "Calls to the Telegram webhook: new update, duplicate, refused, invalid",
    ["result"])
ERASED = Counter("vigie_conversations_erased", "Conversations erased at the user's request", ["channel"])


def label(value: Optional[str], allowed: Tuple[str, ...]) -> str:
    return value if value in allowed else OTHER


def _start_at_zero() -> None:
    """Every known series exists from the start: Prometheus's increase() and rate() then count
    a series' first event too (they take a series' first sample as its starting point)."""
    for channel in CHANNELS:
        TURN_SECONDS.labels(channel)
        FAILED_TURNS.labels(channel)
        ERASED.labels(channel)
        for country in COUNTRIES:
            for situation in SITUATIONS:
                ANSWERS.labels(situation, country, channel)
            for danger in DANGERS:
                DANGER_ANSWERS.labels(danger, country, channel)
    for danger in DANGERS:
        DANGER_QUESTIONS.labels(danger)
        for reply in REPLIES:
            DANGER_REPLIES.labels(danger, reply)
    for kind in FALLBACK_KINDS:
        FALLBACKS.labels(kind)
    for action in ACTIONS:
        BACKUP_ANSWERS.labels(action)
        for reason in ACTION_FAILURES:
            ACTION_ERRORS.labels(action, reason)
    for result in TELEGRAM_RESULTS:
        TELEGRAM_UPDATES.labels(result)


_start_at_zero()


# ---------- what the hooks call ----------

def observe_turn(channel: Optional[str], seconds: float) -> None:
    """The channels (channels/rest.py, channels/telegram.py), once a message is answered."""
    TURN_SECONDS.labels(label(channel, CHANNELS)).observe(seconds)


def turn_failed(channel: Optional[str]) -> None:
    FAILED_TURNS.labels(label(channel, CHANNELS)).inc()


def count_saved_turn(tracker, erased: bool) -> None:
    """The tracker stores (vigie/stores.py), as they save a turn. Never raises: a metric must
    not cost a teen an answer."""
    try:
        turn = read_turn(list(tracker.events))
        if turn is None:
            return
        slot = tracker.slots.get(COUNTRY_SLOT)
        country = label((slot.value if slot else None) or default_country(), COUNTRIES)
        channel = label(turn.channel, CHANNELS)
        situation = label(turn.situation, SITUATIONS)
        ANSWERS.labels(situation, country, channel).inc()
        if turn.danger:
            DANGER_ANSWERS.labels(label(turn.situation, DANGERS), country, channel).inc()
        if turn.asked is not None:
            DANGER_QUESTIONS.labels(label(turn.asked, DANGERS)).inc()
        if turn.reply:
            DANGER_REPLIES.labels(label(turn.reply[0], DANGERS), label(turn.reply[1], REPLIES)).inc()
        if turn.fallback:
            FALLBACKS.labels(label(turn.fallback, FALLBACK_KINDS)).inc()
        if erased:
            ERASED.labels(channel).inc()
    except Exception as error:
        logger.warning("A turn was not counted in the metrics (%s).", type(error).__name__)


def action_failed(action: str, reason: str, backup_sent: bool) -> None:
    """vigie/resilience.py, when a custom action fails."""
    ACTION_ERRORS.labels(label(action, ACTIONS), label(reason, ACTION_FAILURES)).inc()
    if backup_sent:
        BACKUP_ANSWERS.labels(label(action, ACTIONS)).inc()


def telegram_update(result: str) -> None:
    TELEGRAM_UPDATES.labels(label(result, TELEGRAM_RESULTS)).inc()


# ---------- serving ----------

@functools.lru_cache(maxsize=1)
def serve(port: int, address: str = DEFAULT_ADDRESS) -> int:
    """Serves /metrics from a thread of this process; the port actually bound (0: any free)."""
    server, _ = start_http_server(port, addr=address)
    return server.server_port


def serve_from_environment(environ: Mapping[str, str] = os.environ) -> Optional[int]:
    """`python -m vigie.server run`: serves the metrics when VIGIE_METRICS_PORT is set, on
    VIGIE_METRICS_ADDRESS (127.0.0.1 unless set). A port already taken stops the start."""
    port = environ.get(PORT_VARIABLE, "").strip()
    if not port:
        return None
    return serve(int(port), environ.get(ADDRESS_VARIABLE, "").strip() or DEFAULT_ADDRESS)
