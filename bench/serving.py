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
from pathlib import Path

import aiohttp

from vigie.processes import MODEL, action_server, rasa_server
from vigie import PROJECT_ROOT
from vigie.evaluation import nlu_examples

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


async def post(session, url, sender, text) -> float:
    started = time.perf_counter()
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        assert response.status == 200
        assert await response.json()
    return (time.perf_counter() - started) * 1000


async def first_messages(url, texts) -> list:
    """The first ten messages the fresh server answers, one after the other."""
    async with aiohttp.ClientSession() as session:
        return [await post(session, url, "first", text) for text in texts[:10]]


async def one_user(url, texts) -> list:
    async with aiohttp.ClientSession() as session:
        return [await post(session, url, f"one-user-{i // CONVERSATION_LENGTH}", text)
                for i, text in enumerate(texts[:SEQUENTIAL_MESSAGES])]


async def long_conversations(url, texts) -> list:
    """Latency of each turn, per conversation: [[turn 1, ..., turn 40], ...]."""
    turns = []
    async with aiohttp.ClientSession() as session:
        for c in range(LONG_CONVERSATIONS):
            turns.append([await post(session, url, f"long-{c}", texts[(c * LONG_LENGTH + turn) % len(texts)])
                          for turn in range(LONG_LENGTH)])
    return turns


async def concurrent(url, texts) -> float:
    async def sender(session, index):
        for k in range(MESSAGES_PER_SENDER):
            await post(session, url, f"load-{index}", texts[(index * MESSAGES_PER_SENDER + k) % len(texts)])
    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        await asyncio.gather(*(sender(session, i) for i in range(CONCURRENT_SENDERS)))
        return CONCURRENT_SENDERS * MESSAGES_PER_SENDER / (time.perf_counter() - started)


def serve_and_measure(model: Path, texts) -> dict:
    actions = action_server().start()
    server = rasa_server(actions.port, model=model)
    started = time.monotonic()
    server.start(timeout=300)
    url = server.url + "webhooks/rest/webhook"
    try:
        ready = time.monotonic() - started  # the server answers HTTP: the model is loaded
        first = asyncio.run(first_messages(url, texts))
        latencies = asyncio.run(one_user(url, texts))
        turns = asyncio.run(long_conversations(url, texts))
        throughput = asyncio.run(concurrent(url, texts))
        memory = peak_memory_mb(server.popen.pid)
    finally:
        server.stop()
        actions.stop()
    early = statistics.median(t for conv in turns for t in conv[:10])
    late = statistics.median(t for conv in turns for t in conv[30:40])
    return {"p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "turns_1_10_median_ms": early, "turns_31_40_median_ms": late, "late_over_early": late / early,
            "first_message_ms": first[0], "tenth_message_ms": first[9],
            "throughput_msg_s": throughput, "ready_s": ready, "peak_memory_mb": memory}


if __name__ == "__main__":
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL
    print(json.dumps(serve_and_measure(model, serving_texts()), indent=1))
