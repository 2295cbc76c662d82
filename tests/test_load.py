"""Correctness under load (the figures are `make bench-load`'s): 50 senders at once over REST
against one server, every message answered, and every answer the sender's own."""
import asyncio

from bench.load import run_load

SENDERS = 50
MESSAGES = 5  # a country, then each kind of question once; the benchmark sends 20


def test_fifty_concurrent_senders_each_get_their_own_answers(stack):
    exchanges = asyncio.run(run_load(stack.url, SENDERS, MESSAGES))
    assert len(exchanges) == SENDERS * MESSAGES
    assert len({e.sender for e in exchanges}) == SENDERS
    errors = [e for e in exchanges if e.status != 200]
    assert errors == [], errors[:5]
    wrong = [e for e in exchanges if e.problem]
    assert wrong == [], wrong[:5]
