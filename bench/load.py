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
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Optional
from urllib.parse import urlparse

import aiohttp

from bench.readme_table import write_measurements_table
from vigie import directory
from vigie.domain_files import domain_yaml

ROOT = Path(__file__).resolve().parent.parent

RESULTS = ROOT / "bench" / "load.json"
LOOPBACK = {"127.0.0.1", "localhost"}
REQUEST_TIMEOUT_SECONDS = 60
RUN_TIMEOUT_SECONDS = 600
# what each sender says first (the facts checked in the answers come from the directory)
INTROS = {"BE": "je suis en Belgique", "FR": "je suis en France", "CH": "j'habite en Suisse",
          "QC": "je suis au Québec", "LU": "je vis au Luxembourg"}


class Country(NamedTuple):
    intro: str              # what the sender says first
    noted: str              # in the answer to the intro
    place: str              # in the helpline lists of the action server
    backup: str             # the domain's helpline list, used when the action server is late
    emergency: List[str]    # in the answer to a danger message


def _backup_list(code: str) -> str:
    for variant in domain_yaml()["responses"]["utter_orienter_secours"]:
        if any(c.get("value") == code for c in variant.get("condition", [])):
            return variant["text"]
    return variant["text"]  # the last one, without condition: the default country's


def _country(code: str) -> Country:
    numbers = directory.emergency_numbers(code)
    return Country(INTROS[code], f"urgence : {numbers[0]}", directory.country(code)["in_name"],
                   _backup_list(code), numbers)


COUNTRIES = {code: _country(code) for code in directory.COUNTRIES}
HELPLINES = "{helplines}"
EMERGENCY = "{emergency}"
# (message, markers its answer must contain, with the sender's country filled in)
SCRIPT = [
    ("un homme me suit dans la rue", [EMERGENCY, "là où il y a du monde"]),
    ("qui je peux appeler ?", [HELPLINES]),
    ("il menace de publier mes photos si je paie pas", ["ne paie pas", HELPLINES]),
    ("merci", ["Avec plaisir"]),
]


@dataclass
class Exchange:
    sender: str
    step: int
    status: int
    latency: float
    problem: Optional[str] = None  # None when the answer is the right one for this sender
    backup: bool = False           # helplines from the domain: the action server was late


def conversation(country: str, length: int) -> List[tuple]:
    """(message, markers) for each step of one sender's conversation. A helplines marker is
    a pair: the action server's list or, when it answered too late (vigie/resilience.py),
    the domain's list; both name the sender's country."""
    known = COUNTRIES[country]
    steps = [(known.intro, [known.noted])]
    for index in range(length - 1):
        message, markers = SCRIPT[index % len(SCRIPT)]
        expanded = []
        for marker in markers:
            if marker == HELPLINES:
                expanded.append((f"Tu peux contacter, {known.place}", known.backup))
            elif marker == EMERGENCY:
                expanded += known.emergency
            else:
                expanded.append(marker)
        steps.append((message, expanded))
    return steps


def _found(marker, text: str) -> bool:
    return any(m in text for m in marker) if isinstance(marker, tuple) else marker in text


def problem_with(answers, sender: str, markers: List) -> Optional[str]:
    if not isinstance(answers, list) or not answers:
        return "no answer"
    if any(a.get("recipient_id") != sender for a in answers):
        return "answer addressed to another conversation"
    text = "\n".join(a.get("text", "") for a in answers)
    missing = [m for m in markers if not _found(m, text)]
    return f"missing {missing}" if missing else None


def used_backup(answers) -> bool:
    text = "\n".join(a.get("text", "") for a in answers or [])
    return any(c.backup in text for c in COUNTRIES.values())


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
            status, answers, problem = 0, None, type(error).__name__
        exchange = Exchange(sender, step, status, time.perf_counter() - started, problem,
                            used_backup(answers))
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
        "helplines_from_backup": sum(e.backup for e in exchanges),
    }


def measure(base_url: str, senders: int, messages: int) -> Dict:
    started = time.perf_counter()
    exchanges = asyncio.run(run_load(base_url, senders, messages))
    return summary(exchanges, time.perf_counter() - started)


def _figures(base_url: str, senders: int, messages: int) -> Dict:
    measure(base_url, 5, 4)  # warm-up: the first calls initialise parts lazily
    alone = measure(base_url, 1, messages)
    return dict(measure(base_url, senders, messages),
                one_sender_latency_ms=alone["latency_ms"])


def _single(senders: int, messages: int) -> Dict:
    from tooling.processes import Stack

    stack = Stack().start()
    try:
        return _figures(stack.url, senders, messages)
    finally:
        stack.stop()


def _scaled(senders: int, messages: int) -> Dict:
    from tooling.cluster import ScaledStack

    stack = ScaledStack().start()
    try:
        return _figures(stack.url, senders, messages)
    finally:
        stack.stop()


def table(figures: Dict) -> str:
    lines = ["| setup | msg/s | p50 | p95 | p99 | alone p50 | errors | wrong | helplines from backup |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, label in (("single", "1 Rasa, in-memory"), ("scaled", "nginx + 2 Rasa, Redis")):
        if name in figures:
            f, ms = figures[name], figures[name]["latency_ms"]
            lines.append(f"| {label} | {f['throughput_msg_per_s']} | {ms['p50']} ms | {ms['p95']} ms "
                         f"| {ms['p99']} ms | {f['one_sender_latency_ms']['p50']} ms | {f['errors']} "
                         f"| {f['wrong_answers']} | {f['helplines_from_backup']} / {f['messages']} |")
    lines.append(f"\n{figures.get('senders')} senders × {figures.get('messages')} messages, "
                 f"{figures['machine_cpus']} cores, {figures['date']}; \"alone\": one sender.")
    return "\n".join(lines)


TARGETS = {"single": ("one Rasa server, in-memory store", _single),
           "scaled": ("nginx + 2 Rasa servers, Redis stores", _scaled)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=[*TARGETS, "both"], default="both")
    parser.add_argument("--url", help="measure a running server on 127.0.0.1 (printed only)")
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    figures = {"machine_cpus": os.cpu_count(), "date": time.strftime("%Y-%m-%d"),
               "senders": args.senders, "messages": args.messages}
    if args.url:
        print(json.dumps(measure(args.url, args.senders, args.messages), indent=2))
        return
    for name in (TARGETS if args.target == "both" else [args.target]):
        label, run = TARGETS[name]
        print(f"== {name}: {label} ({args.senders} senders x {args.messages} messages)")
        figures[name] = dict(run(args.senders, args.messages), setup=label)
        print(json.dumps(figures[name], ensure_ascii=False, indent=2))
    RESULTS.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    markdown = table(figures)
    print(markdown)
    write_measurements_table("load", markdown)


if __name__ == "__main__":
    main()
