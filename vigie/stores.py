"""Tracker stores that forget: conversations expire after a silence, "efface" erases them,
and only the last turns are kept.

The silence is the domain's `session_expiration_time` (domain/domain.yml, `session_config`): a
conversation is forgotten when Rasa would start a new session anyway. The domain reaches the
store after it is created (Rasa sets it when the model loads), hence read at each use.

A conversation is erased when the turn just saved is the intent `effacer` (or contains its
answer, `utter_effacer`); the erasure therefore works without the action server.

Only the last `KEEP_TURNS` turns are stored (`compact`), after a short head that restores the
slots (the country) as they were: each turn then loads, replays and saves the same amount
whatever the conversation's length, and so do the policies, which build their states over the
tracker they are given. The rules and the memoization look back at most 5 states (2-3 turns);
less kept also means less to forget.

Rasa saves a conversation once per turn, when its answer is ready: the stores count that turn
in the metrics then (vigie/metrics.py), erasures included, with the tracker still whole.
"""
import time
from typing import Any, Dict, Iterable, List, Optional, Text

from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, AllSlotsReset, Event, Restarted, SessionStarted,
                                     SlotSet, UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker

from vigie import metrics, resilience
from vigie.rasa_version import require_rasa_version

ERASE_INTENT = "effacer"
ERASE_ACTION = "utter_effacer"
KEEP_TURNS = 5


def _slots_before(events: List[Event]) -> Dict[Text, Any]:
    """Slot values set by `events` (a session start or a restart forgets the earlier ones)."""
    values: Dict[Text, Any] = {}
    for event in events:
        if isinstance(event, (SessionStarted, Restarted, AllSlotsReset)):
            values = {}
        elif isinstance(event, SlotSet):
            values[event.key] = event.value
    return values


def compact(tracker: DialogueStateTracker, keep_turns: int = KEEP_TURNS) -> DialogueStateTracker:
    """The same conversation state with only the last `keep_turns` user turns: a session start,
    the slots as they were before the kept turns, then those turns. Unchanged when shorter.
    Stored trackers are compacted, so this looks at a bounded number of events."""
    events = list(tracker.events)
    starts = [i for i, e in enumerate(events) if isinstance(e, UserUttered)]
    if len(starts) <= keep_turns:
        return tracker
    cut = starts[-keep_turns]
    before = events[cut - 1] if cut else None
    if isinstance(before, ActionExecuted) and before.action_name == ACTION_LISTEN_NAME:
        cut -= 1
    moment = events[cut].timestamp
    head: List[Event] = [ActionExecuted(ACTION_SESSION_START_NAME, timestamp=moment),
                         SessionStarted(timestamp=moment)]
    head += [SlotSet(key, value, timestamp=moment) for key, value in _slots_before(events[:cut]).items()]
    compacted = tracker.init_copy()
    compacted.update_with_events(head + events[cut:], domain=None, override_timestamp=False)
    return compacted


def erase_requested(tracker: DialogueStateTracker) -> bool:
    """True when the last turn asked for the erasure: its message is the intent `effacer`, or
    the erase action ran after it."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return event.intent_name == ERASE_INTENT
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_ACTION:
            return True
    return False


def expiry_seconds(domain: Domain, explicit: Optional[Any] = None) -> Optional[float]:
    """Seconds of silence after which a conversation is forgotten: `explicit` when given (tests),
    else the domain's session expiration time; None (never) when the domain's sessions do not
    expire."""
    if explicit is not None:
        return float(explicit)
    minutes = domain.session_config.session_expiration_time
    return minutes * 60 if minutes > 0 else None


def _check_fallback(require_action_fallback: Any) -> None:
    """endpoints.yml asks for it: Rasa started without vigie.server would answer without the
    action server's fallback (vigie/resilience.py)."""
    require_rasa_version()
    if str(require_action_fallback).lower() == "true":
        resilience.require_installed()


class ErasableInMemoryTrackerStore(InMemoryTrackerStore):
    """In-memory store (one machine) with expiry after the domain's session expiration time
    of silence (`expire_after_seconds` overrides it, for tests)."""

    def __init__(self, domain, host: Optional[Text] = None, event_broker=None,
                 expire_after_seconds: Optional[float] = None,
                 require_action_fallback: Any = False, **kwargs: Dict[Text, Any]) -> None:
        _check_fallback(require_action_fallback)
        super().__init__(domain, event_broker, **kwargs)
        self.explicit_expiry = expire_after_seconds
        # oldest save first: a conversation moves to the end each time it is saved
        self.last_saved: Dict[Text, float] = {}

    @property
    def expire_after_seconds(self) -> Optional[float]:
        return expiry_seconds(self.domain, self.explicit_expiry)

    def _purge_expired(self) -> None:
        if self.expire_after_seconds is None:
            return
        deadline = time.monotonic() - self.expire_after_seconds
        while self.last_saved:
            sender_id, saved = next(iter(self.last_saved.items()))
            if saved >= deadline:
                return
            self.delete(sender_id)

    def delete(self, sender_id: Text) -> None:
        self.store.pop(sender_id, None)
        self.last_saved.pop(sender_id, None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._purge_expired()
        erased = erase_requested(tracker)
        metrics.count_saved_turn(tracker, erased)  # Rasa saves once per turn, at its end
        if erased:
            self.delete(tracker.sender_id)
            return
        await super().save(compact(tracker))
        self.last_saved.pop(tracker.sender_id, None)
        self.last_saved[tracker.sender_id] = time.monotonic()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._purge_expired()
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._purge_expired()
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[Text]:
        self._purge_expired()
        return list(self.store.keys())


class ErasableRedisTrackerStore(RedisTrackerStore):
    """Redis store for several Rasa processes; expiry through Redis itself after the domain's
    session expiration time of silence, counted again at each message (`record_exp`, seconds,
    overrides it, for tests)."""

    def __init__(self, domain, host: Text = "localhost", port: int = 6379, db: int = 0,
                 record_exp: Optional[float] = None,
                 require_action_fallback: Any = False, **kwargs: Dict[Text, Any]) -> None:
        _check_fallback(require_action_fallback)
        # values may come from ${ENV} substitutions in endpoints files, hence strings
        super().__init__(domain, host=host or "localhost", port=int(port), db=int(db),
                         record_exp=record_exp, **kwargs)

    @property
    def record_exp(self) -> Optional[int]:
        seconds = expiry_seconds(self.domain, self.explicit_expiry)
        return int(seconds) if seconds else None  # Redis wants whole seconds

    @record_exp.setter
    def record_exp(self, value: Optional[Any]) -> None:  # set by RedisTrackerStore.__init__
        self.explicit_expiry = value

    def _key(self, sender_id: Text) -> Text:
        return self.key_prefix + sender_id

    def delete(self, sender_id: Text) -> None:
        self.red.delete(self._key(sender_id))

    async def save(self, tracker: DialogueStateTracker, timeout: Optional[float] = None) -> None:
        erased = erase_requested(tracker)
        metrics.count_saved_turn(tracker, erased)
        if erased:
            self.delete(tracker.sender_id)
            return
        # Rasa's save reads the stored tracker back and merges the earlier sessions into it
        # (a replay of the whole conversation at each turn); here there is one session,
        # compacted, written whole: the lock store keeps one writer per conversation.
        await self.stream_events(tracker)
        self.red.set(self._key(tracker.sender_id), self.serialise_tracker(compact(tracker)),
                     ex=timeout or self.record_exp)

    async def exists(self, conversation_id: Text) -> bool:
        return bool(self.red.exists(self._key(conversation_id)))

    async def keys(self) -> Iterable[Text]:
        # Rasa's version returns the keys with their prefix (so `exists` never matched) and
        # uses KEYS, which blocks Redis; SCAN does not
        start = len(self.key_prefix)
        return [key[start:] for key in self.red.scan_iter(match=self.key_prefix + "*")]
