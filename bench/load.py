"""Load benchmark (`make bench-load`): 50 concurrent senders x 20 messages each over REST,
against one Vigie server and against the scaled setup (2 Rasa processes behind nginx).
Prints throughput and p50/p95/p99 latency, writes bench/load.json. Figures, not pass/fail:
tests/test_load.py is the pass/fail twin (no error, every sender gets its own answers).

Each sender first names a country, then asks things whose answers carry that country's
numbers: an answer sent to the wrong conversation shows up as a wrong number.
Traffic goes to 127.0.0.1 only, bounded in count and time.
"""
import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Optional
from urllib.parse import urlparse

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "load.json"
LOOPBACK = {"127.0.0.1", "localhost"}
REQUEST_TIMEOUT_SECONDS = 60
RUN_TIMEOUT_SECONDS = 600



class Country(NamedTuple):
    intro: str      # what the sender says first
    noted: str      # in the answer to the intro
    place: str      # in the helpline lists
    emergency: str  # in the answer to a danger message


COUNTRIES = {
    "FR": Country("je suis en France", "pour la France", "en France", "Appelle le 17 ou le 112"),
    "CH": Country("j'habite en Suisse", "pour la Suisse", "en Suisse", "Appelle le 117"),
    "QC": Country("je suis au Québec", "pour le Québec", "au Québec", "Appelle le 911"),
    "LU": Country("je vis au Luxembourg", "pour le Luxembourg", "au Luxembourg",
                  "Appelle le 112 ou le 113"),
    "BE": Country("je suis en Belgique", "pour la Belgique", "en Belgique", "police au 101"),
}
# (message, markers its answer must contain; {place} and {emergency} are the sender's country's)
SCRIPT = [
    ("un homme me suit dans la rue", ["{emergency}", "endroit sûr"]),
    ("qui je peux appeler ?", ["Tu peux contacter, {place}"]),
    ("il menace de publier mes photos si je paie pas", ["ne paie pas", "Tu peux contacter, {place}"]),
    ("merci", ["Avec plaisir"]),
]


@dataclass
class Exchange:
    sender: str
    step: int
    status: int
    latency: float
    problem: Optional[str] = None  # None when the answer is the right one for this sender


def conversation(country: str, length: int) -> List[tuple]:
    """(message, markers) for each step of one sender's conversation."""
    known = COUNTRIES[country]
    steps = [(known.intro, [known.noted])]
    for index in range(length - 1):
        message, markers = SCRIPT[index % len(SCRIPT)]
        steps.append((message, [m.format(place=known.place, emergency=known.emergency)
                                for m in markers]))
    return steps


def problem_with(answers, sender: str, markers: List[str]) -> Optional[str]:
    if not isinstance(answers, list) or not answers:
        return "no answer"
    if any(a.get("recipient_id") != sender for a in answers):
        return "answer addressed to another conversation"
    text = "\n".join(a.get("text", "") for a in answers)
    missing = [m for m in markers if m not in text]
    return f"missing {missing}" if missing else None


async def _post(session: aiohttp.ClientSession, url: str, sender: str, message: str):
    async with session.post(url, json={"sender": sender, "message": message}) as response:
        body = await response.json(content_type=None) if response.status == 200 else None
        return response.status, body


async def converse(session, url: str, sender: str, country: str, length: int,
                   on_exchange: Optional[Callable[[Exchange], None]]) -> List[Exchange]:
    """One sender's conversation, one message at a time (as a person types)."""
    exchanges = []
    for step, (message, markers) in enumerate(conversation(country, length)):
        started = time.perf_counter()
        try:
            status, answers = await _post(session, url, sender, message)
            problem = problem_with(answers, sender, markers) if status == 200 else f"HTTP {status}"
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            status, problem = 0, type(error).__name__
        exchange = Exchange(sender, step, status, time.perf_counter() - started, problem)
        exchanges.append(exchange)
        if on_exchange:
            on_exchange(exchange)
    return exchanges


def check_loopback(base_url: str) -> None:
    if urlparse(base_url).hostname not in LOOPBACK:
        raise ValueError(f"load is only sent to this machine, not to {base_url}")


async def run_load(base_url: str, senders: int = 50, messages: int = 20,
                   on_exchange: Optional[Callable[[Exchange], None]] = None) -> List[Exchange]:
    """All senders at once; returns every exchange."""
    check_loopback(base_url)
    url = base_url.rstrip("/") + "/webhooks/rest/webhook"
    run = uuid.uuid4().hex[:6]
    codes = list(COUNTRIES)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout,
                                     connector=aiohttp.TCPConnector(limit=senders)) as session:
        tasks = [converse(session, url, f"load-{run}-{i:03d}", codes[i % len(codes)], messages,
                          on_exchange) for i in range(senders)]
        results = await asyncio.wait_for(asyncio.gather(*tasks), RUN_TIMEOUT_SECONDS)
    return [exchange for result in results for exchange in result]


def summary(exchanges: List[Exchange], elapsed: float) -> Dict:
    latencies = sorted(e.latency for e in exchanges)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "messages": len(exchanges),
        "senders": len({e.sender for e in exchanges}),
        "seconds": round(elapsed, 2),
        "throughput_msg_per_s": round(len(exchanges) / elapsed, 1),
        "latency_ms": {"p50": round(cuts[49] * 1000), "p95": round(cuts[94] * 1000),
                       "p99": round(cuts[98] * 1000), "max": round(latencies[-1] * 1000)},
        "errors": sum(e.status != 200 for e in exchanges),
        "wrong_answers": sum(e.status == 200 and e.problem is not None for e in exchanges),
    }


def measure(base_url: str, senders: int, messages: int) -> Dict:
    started = time.perf_counter()
    exchanges = asyncio.run(run_load(base_url, senders, messages))
    return summary(exchanges, time.perf_counter() - started)


def _single(senders: int, messages: int) -> Dict:
    from tests.stack import Stack

    stack = Stack().start()
    try:
        measure(stack.url, 5, 4)  # warm-up: first calls load lazily initialised parts
        return measure(stack.url, senders, messages)
    finally:
        stack.stop()


def _scaled(senders: int, messages: int) -> Dict:
    from tests.scaled import ScaledStack

    stack = ScaledStack().start()
    try:
        measure(stack.url, 5, 4)
        return measure(stack.url, senders, messages)
    finally:
        stack.stop()


TARGETS = {"single": ("one Rasa server, in-memory store", _single),
           "scaled": ("nginx + 2 Rasa servers, Redis stores", _scaled)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=[*TARGETS, "both"], default="both")
    parser.add_argument("--url", help="measure an already running server (127.0.0.1) instead")
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    figures = {"machine_cpus": os.cpu_count()}
    if args.url:
        figures["url"] = measure(args.url, args.senders, args.messages)
    else:
        for name in (TARGETS if args.target == "both" else [args.target]):
            label, run = TARGETS[name]
            print(f"== {name}: {label} ({args.senders} senders x {args.messages} messages)")
            figures[name] = dict(run(args.senders, args.messages), setup=label)
            print(json.dumps(figures[name], ensure_ascii=False, indent=2))
    RESULTS.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    print(f"written {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
