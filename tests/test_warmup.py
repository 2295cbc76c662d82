"""The server warms its model up before it opens (vigie/warmup.py): the first message a teen
sends is as fast as the tenth (nothing left to compile), and the warm-up leaves no conversation."""
import asyncio
import statistics
import time

import pytest
from rasa.core.agent import Agent
from rasa.shared.core.domain import Domain

from vigie import resilience, warmup
from tooling.processes import MODEL
from vigie.stores import ErasableInMemoryTrackerStore


@pytest.fixture(scope="module")
def agent():
    return Agent.load(str(MODEL), tracker_store=ErasableInMemoryTrackerStore(Domain.empty()))


# ten first messages a teen could send, none of them among the warm-up's own
FIRST_MESSAGES = (
    "y a un type qui me suit depuis le bus",
    "il a mes photos et il veut 100 euros sinon il les publie",
    "jveux plus vivre",
    "un gars de roblox m'a ajouté et veut mon snap",
    "ma photo tourne dans le groupe de la classe",
    "comment je bloque quelqu'un sur insta",
    "mes parents divorcent",
    "et si je paie il supprime tout ?",
    "quelle heure il est",
    "ma pote se fait harceler sur tiktok",
)


def test_after_the_warm_up_the_first_message_is_as_fast_as_the_tenth(agent):
    asyncio.run(warmup.warm_up(agent))
    seconds = []
    for text in FIRST_MESSAGES:
        start = time.process_time()
        asyncio.run(agent.parse_message(text))
        seconds.append(time.process_time() - start)
    # without the warm-up the first one compiles the rules: ten times the others
    assert seconds[0] < 3 * statistics.median(seconds[1:]), seconds
    assert resilience._validator.cache_info().currsize == 1
    assert asyncio.run(agent.tracker_store.keys()) == []


def test_install_is_idempotent():
    warmup.install()
    wrapped = warmup.rasa_run.load_agent_on_start
    warmup.install()
    assert warmup.rasa_run.load_agent_on_start is wrapped and wrapped.warms_up

