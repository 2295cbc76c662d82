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
                 expire_after_minutes: float = 30, **kwargs: Dict[Text, Any]) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.expire_after_seconds = float(expire_after_minutes) * 60
        self.last_saved: Dict[Text, float] = {}

    def _purge_expired(self) -> None:
        deadline = time.monotonic() - self.expire_after_seconds
        for sender_id in [s for s, saved in self.last_saved.items() if saved < deadline]:
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
        self.last_saved[tracker.sender_id] = time.monotonic()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._purge_expired()
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._purge_expired()
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[Text]:
        self._purge_expired()
        return await super().keys()


class ErasableRedisTrackerStore(RedisTrackerStore):
    """Redis store for several Rasa processes; expiry through Redis itself (`record_exp`)."""

    async def save(self, tracker: DialogueStateTracker, timeout: Optional[float] = None) -> None:
        if erase_requested(tracker):
            self.red.delete(self.key_prefix + tracker.sender_id)
            return
        await super().save(tracker, timeout)
