"""Conversations expire after the domain's session expiration time of silence
(vigie/stores.py), on a fake clock."""
import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from vigie import stores
from vigie.domain_files import DOMAIN_DIR
from vigie.stores import ErasableInMemoryTrackerStore, ErasableRedisTrackerStore

DOMAIN = Domain.load(str(DOMAIN_DIR))
MINUTES = DOMAIN.session_config.session_expiration_time


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
    # as Rasa does: the store is created without the domain, which comes with the model
    memory = ErasableInMemoryTrackerStore(None)
    memory.domain = DOMAIN
    return memory


@pytest.mark.asyncio
async def test_in_memory_conversations_expire_after_silence(clock):
    memory = store()
    await memory.save(tracker("silencieux"))
    clock.now += MINUTES * 60 - 60
    assert await memory.retrieve("silencieux") is not None
    clock.now += 61
    await memory.save(tracker("bavard"))
    assert await memory.retrieve("silencieux") is None
    assert list(await memory.keys()) == ["bavard"]


@pytest.mark.asyncio
async def test_each_message_restarts_the_silence_countdown(clock):
    memory = store()
    for _ in range(4):  # never a whole session expiration time of silence
        await memory.save(tracker("actif"))
        clock.now += MINUTES * 60 * 2 / 3
    assert await memory.retrieve("actif") is not None


def test_redis_expiry_is_the_domains_session_expiration_time():
    redis = ErasableRedisTrackerStore.__new__(ErasableRedisTrackerStore)  # no connection
    redis.domain, redis.record_exp = DOMAIN, None
    assert redis.record_exp == MINUTES * 60
    redis.record_exp = 1
    assert redis.record_exp == 1


def test_a_session_expires_and_forgets_the_country():
    assert MINUTES > 0
    assert DOMAIN.session_config.carry_over_slots is False
