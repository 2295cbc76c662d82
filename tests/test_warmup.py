"""The server warms its model up before it opens (vigie/warmup.py): the first message no longer
compiles the danger rules or the action client's schema check, and leaves no conversation."""
import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.shared.core.domain import Domain

from vigie import danger, patterns, resilience, warmup
from vigie.processes import MODEL
from vigie.stores import ErasableInMemoryTrackerStore


@pytest.fixture(scope="module")
def agent():
    return Agent.load(str(MODEL), tracker_store=ErasableInMemoryTrackerStore(Domain.empty()))


def test_warm_up_builds_what_the_first_message_needed_and_keeps_no_conversation(agent):
    asyncio.run(warmup.warm_up(agent))

    assert danger._RULEBOOKS and patterns._CUES  # compiled once, reused by every message
    assert resilience._validator.cache_info().currsize == 1
    assert asyncio.run(agent.tracker_store.keys()) == []


def test_install_is_idempotent():
    warmup.install()
    wrapped = warmup.rasa_run.load_agent_on_start
    warmup.install()
    assert warmup.rasa_run.load_agent_on_start is wrapped and wrapped.warms_up

