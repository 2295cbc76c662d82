"""Conversations expire after 30 minutes of silence (vigie/stores.py), on a fake clock."""
import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from vigie import PROJECT_ROOT as ROOT
from vigie import stores
from vigie.stores import ErasableInMemoryTrackerStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(stores, "time", fake)
    return fake


def tracker(sender: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [UserUttered("bonjour")])


def store() -> ErasableInMemoryTrackerStore:
    return ErasableInMemoryTrackerStore(Domain.load(str(ROOT / "domain.yml")), expire_after_minutes=30)


@pytest.mark.asyncio
async def test_in_memory_conversations_expire_after_silence(clock):
    memory = store()
    await memory.save(tracker("silencieux"))
    clock.now += 29 * 60
    assert await memory.retrieve("silencieux") is not None
    clock.now += 61
    await memory.save(tracker("bavard"))
    assert await memory.retrieve("silencieux") is None
    assert list(await memory.keys()) == ["bavard"]


@pytest.mark.asyncio
async def test_each_message_restarts_the_silence_countdown(clock):
    memory = store()
    for _ in range(4):  # 80 minutes of conversation, never 30 of silence
        await memory.save(tracker("actif"))
        clock.now += 20 * 60
    assert await memory.retrieve("actif") is not None


def test_every_expiry_setting_says_thirty_minutes():
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
    assert endpoints["type"] == "vigie.stores.ErasableInMemoryTrackerStore"
    assert endpoints["expire_after_minutes"] == 30 == stores.DEFAULT_EXPIRY_MINUTES
    assert yaml.safe_load((ROOT / "endpoints.scaled.yml").read_text())["tracker_store"]["record_exp"] == 30 * 60
    session = yaml.safe_load((ROOT / "domain.yml").read_text())["session_config"]
    assert session["session_expiration_time"] == 30
    assert session["carry_over_slots_to_new_session"] is False
