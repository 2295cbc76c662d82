"""Where one turn's time goes, inside Rasa: `python bench/profile_turn.py [MODEL]`.

Loads Vigie's model in this process (Rasa's Agent, Vigie's tracker store, the action endpoint
of endpoints.yml: the actions run in-process, as in production), warms it up as the server
does, answers 4 conversations of 40 turns under cProfile and prints, per turn, the time spent
in each part: NLU, each policy, the custom action, tracker store load and save, lock. What REST adds on top is the REST
latency of `make bench` minus the in-process total printed here."""
import asyncio
import cProfile
import logging
import pstats
import statistics
import sys
import time
from pathlib import Path

from rasa.core.agent import Agent
from rasa.shared.core.domain import Domain
from rasa.core.utils import AvailableEndpoints
from rasa.utils.log_utils import configure_structlog

from bench.serving import LONG_CONVERSATIONS, LONG_LENGTH, serving_texts
from tooling.processes import MODEL, ROOT
from vigie import resilience
from vigie.stores import ErasableInMemoryTrackerStore
from vigie.warmup import warm_up

# (label, file suffix, function): cumulative time of these functions, per turn
PARTS = [
    ("whole turn (handle_message)", "core/processor.py", "handle_message"),
    ("NLU (parse_message)", "core/processor.py", "parse_message"),
    ("dialogue prediction, all policies", "core/processor.py", "_predict_next_with_tracker"),
    ("  MemoizationPolicy", "policies/memoization.py", "predict_action_probabilities"),
    ("  RulePolicy", "policies/rule_policy.py", "predict_action_probabilities"),
    ("custom action (payload, action, checks)", "vigie/resilience.py", "run"),
    ("  the action itself (rasa_sdk executor)", "rasa_sdk/executor.py", "run"),
    ("  schema validation", "vigie/resilience.py", "_validate_action_result"),
    ("tracker store load", "core/tracker_store.py", "get_or_create_tracker"),
    ("tracker store save", "vigie/stores.py", "save"),
    ("lock", "core/lock_store.py", "lock"),
]


async def converse(agent, texts, profile) -> list:
    walls = []
    for c in range(LONG_CONVERSATIONS):
        row = []
        for turn in range(LONG_LENGTH):
            text = texts[(c * LONG_LENGTH + turn) % len(texts)]
            started = time.perf_counter()
            profile.enable()
            await agent.handle_text(text, sender_id=f"profile-{c}")
            profile.disable()
            row.append((time.perf_counter() - started) * 1000)
        walls.append(row)
    return walls


def cumulative_ms(stats: pstats.Stats, suffix: str, function: str) -> float:
    return sum(v[3] for (path, _, name), v in stats.stats.items()
               if path.endswith(suffix) and name == function) * 1000


async def main(model: Path) -> None:
    configure_structlog(logging.WARNING)  # Rasa's debug log would print (and cost) every message
    logging.getLogger().setLevel(logging.WARNING)
    resilience.install()
    agent = Agent.load(str(model), tracker_store=ErasableInMemoryTrackerStore(
        Domain.load(str(ROOT / "domain"))),
        action_endpoint=AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml")).action)
    await warm_up(agent)
    profile = cProfile.Profile()
    walls = await converse(agent, serving_texts(), profile)
    turns = LONG_CONVERSATIONS * LONG_LENGTH
    stats = pstats.Stats(profile)
    total = cumulative_ms(stats, *PARTS[0][1:]) / turns
    print(f"{turns} turns; wall time per turn (in process, no HTTP): "
          f"median {statistics.median(t for w in walls for t in w):.1f} ms, turns 1-10 "
          f"{statistics.median(t for w in walls for t in w[:10]):.1f} ms, turns 31-40 "
          f"{statistics.median(t for w in walls for t in w[30:]):.1f} ms")
    print(f"{'part':40s} {'ms/turn':>8s} {'share':>6s}")
    for label, suffix, function in PARTS:
        ms = cumulative_ms(stats, suffix, function) / turns
        print(f"{label:40s} {ms:8.2f} {ms / total:6.0%}")
    stats.sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL))
