"""Tracker stores that forget: conversations expire after a silence, and "efface" erases them.

A conversation is erased when the turn just saved contains the `utter_effacer` answer
(rule `effacer`); the erasure therefore works without the action server.
"""
import time
from typing import Any, Dict, Iterable, Optional, Text

from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

ERASE_ACTION = "utter_effacer"
DEFAULT_EXPIRY_MINUTES = 30


def erase_requested(tracker: DialogueStateTracker) -> bool:
    """True when the last turn ended with the erase confirmation."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_ACTION:
            return True
    return False


class ErasableInMemoryTrackerStore(InMemoryTrackerStore):
    """In-memory store (one machine) with expiry after `expire_after_minutes` of silence."""

    def __init__(self, domain, host: Optional[Text] = None, event_broker=None,
                 expire_after_minutes: float = DEFAULT_EXPIRY_MINUTES,
                 **kwargs: Dict[Text, Any]) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.expire_after_seconds = float(expire_after_minutes) * 60
        # oldest save first: a conversation moves to the end each time it is saved
        self.last_saved: Dict[Text, float] = {}

    def _purge_expired(self) -> None:
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
        if erase_requested(tracker):
            self.delete(tracker.sender_id)
            return
        await super().save(tracker)
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
    """Redis store for several Rasa processes; expiry through Redis itself (`record_exp`,
    seconds of silence, counted again at each message)."""

    def __init__(self, domain, host: Text = "localhost", port: int = 6379, db: int = 0,
                 record_exp: Optional[float] = DEFAULT_EXPIRY_MINUTES * 60,
                 **kwargs: Dict[Text, Any]) -> None:
        # values may come from ${ENV} substitutions in endpoints files, hence strings;
        # Redis wants whole seconds
        super().__init__(domain, host=host or "localhost", port=int(port), db=int(db),
                         record_exp=int(float(record_exp)) if record_exp else None, **kwargs)

    def _key(self, sender_id: Text) -> Text:
        return self.key_prefix + sender_id

    def delete(self, sender_id: Text) -> None:
        self.red.delete(self._key(sender_id))

    async def save(self, tracker: DialogueStateTracker, timeout: Optional[float] = None) -> None:
        if erase_requested(tracker):
            self.delete(tracker.sender_id)
            return
        await super().save(tracker, timeout)

    async def exists(self, conversation_id: Text) -> bool:
        return bool(self.red.exists(self._key(conversation_id)))

    async def keys(self) -> Iterable[Text]:
        # Rasa's version returns the keys with their prefix (so `exists` never matched) and
        # uses KEYS, which blocks Redis; SCAN does not
        start = len(self.key_prefix)
        return [key[start:] for key in self.red.scan_iter(match=self.key_prefix + "*")]
