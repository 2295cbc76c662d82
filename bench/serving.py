"""Serving figures of one model (real Rasa + action server over REST on loopback): latency of
one user in 10-turn conversations, per-turn cost along 40-turn conversations, throughput,
start to ready, first message against the tenth, peak memory. Used by `make bench`
(bench/run.py); alone: `python bench/serving.py [MODEL]` prints them for Vigie's model.

Messages: the development set (bench/nlu_dev_2026-11.yml), never an erase request, so that a
conversation really grows."""
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import aiohttp

from tooling.processes import MODEL, Process, free_port, rasa_server
from vigie import PROJECT_ROOT
from tooling.evaluation import nlu_examples

DEV_SET = PROJECT_ROOT / "bench" / "nlu_dev_2026-11.yml"
SEQUENTIAL_MESSAGES = 200
CONVERSATION_LENGTH = 10
LONG_CONVERSATIONS = 4
LONG_LENGTH = 40
CONCURRENT_SENDERS = 20
MESSAGES_PER_SENDER = 10


def serving_texts() -> list:
    return [text for text, intent in nlu_examples(DEV_SET) if intent != "effacer"]


def percentile(values, q) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Target:
    url: str                        # the REST webhook
    answers_required: bool = True   # Vigie answers every message; the stock bot need not


async def post(session, target: Target, sender, text) -> float:
    started = time.perf_counter()
    async with session.post(target.url, json={"sender": sender, "message": text}) as response:
        assert response.status == 200
        answers = await response.json()
        assert answers or not target.answers_required
    return (time.perf_counter() - started) * 1000


async def first_messages(target, texts) -> list:
    """The first ten messages the fresh server answers, one after the other: the same message,
    each opening a conversation of its own, so that only the server's own warming differs."""
    async with aiohttp.ClientSession() as session:
        return [await post(session, target, f"first-{i}", texts[0]) for i in range(10)]


async def one_user(target, texts) -> list:
    async with aiohttp.ClientSession() as session:
        return [await post(session, target, f"one-user-{i // CONVERSATION_LENGTH}", text)
                for i, text in enumerate(texts[:SEQUENTIAL_MESSAGES])]


async def long_conversations(target, texts) -> list:
    """Latency of each turn, per conversation: [[turn 1, ..., turn 40], ...]."""
    turns = []
    async with aiohttp.ClientSession() as session:
        for c in range(LONG_CONVERSATIONS):
            turns.append([await post(session, target, f"long-{c}", texts[(c * LONG_LENGTH + turn) % len(texts)])
                          for turn in range(LONG_LENGTH)])
    return turns


async def concurrent(target, texts) -> float:
    async def sender(session, index):
        for k in range(MESSAGES_PER_SENDER):
            await post(session, target, f"load-{index}", texts[(index * MESSAGES_PER_SENDER + k) % len(texts)])
    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        await asyncio.gather(*(sender(session, i) for i in range(CONCURRENT_SENDERS)))
        return CONCURRENT_SENDERS * MESSAGES_PER_SENDER / (time.perf_counter() - started)


def serve_and_measure(model: Path, texts, server: Optional[Process] = None,
                      answers_required: bool = True) -> dict:
    """The figures of `server` (a Rasa process not started yet; by default Vigie's on `model`,
    its actions run inside it: no action server)."""
    server = server or rasa_server(free_port(), model=model)  # in-process actions: port unused
    started = time.monotonic()
    server.start(timeout=300)
    target = Target(server.url + "webhooks/rest/webhook", answers_required)
    try:
        ready = time.monotonic() - started  # the server answers HTTP: the model is loaded
        first = asyncio.run(first_messages(target, texts))
        latencies = asyncio.run(one_user(target, texts))
        turns = asyncio.run(long_conversations(target, texts))
        throughput = asyncio.run(concurrent(target, texts))
        memory = peak_memory_mb(server.popen.pid)
    finally:
        server.stop()
    early = statistics.median(t for conv in turns for t in conv[:10])
    late = statistics.median(t for conv in turns for t in conv[30:40])
    return {"p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "turns_1_10_median_ms": early, "turns_31_40_median_ms": late, "late_over_early": late / early,
            "first_message_ms": first[0], "tenth_message_ms": first[9],
            "throughput_msg_s": throughput, "ready_s": ready, "peak_memory_mb": memory}


if __name__ == "__main__":
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL
    print(json.dumps(serve_and_measure(model, serving_texts()), indent=1))
