"""Scores a trained model's NLU on evaluation sets written by authors who never saw data/nlu.

Blind sets live in tests/nlu_blind/ (one file per author, frozen); once a set's errors have
guided a change it moves to bench/ as a development set. Used by the test gate
(tests/test_nlu_blind.py) and by the benchmarks (bench/run.py, bench/compare_pipelines.py).
"""
import asyncio
import logging
import time
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

from sklearn.metrics import precision_recall_fscore_support

from vigie import PROJECT_ROOT
from vigie.rules import answered_with_helplines
from vigie.scenarios import DANGER, DOUBT, EVERYDAY, GROUP_OF, NO_FOLLOWUP, SITUATIONS

BLIND_DIR = PROJECT_ROOT / "tests" / "nlu_blind"


def blind_sets() -> List[Path]:
    return sorted(BLIND_DIR.glob("*.yml"))


def nlu_examples(path) -> List[Tuple[str, str]]:
    """(text, intent) pairs of a Rasa NLU file, read by Rasa's own loader."""
    from rasa.shared.nlu.constants import INTENT, TEXT
    from rasa.shared.nlu.training_data.loading import load_data

    return [(m.get(TEXT), m.get(INTENT)) for m in load_data(str(path)).intent_examples]


async def _predict_all(model_path: str, texts: List[str]) -> List[dict]:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's debug log would print every message
    agent = Agent.load(str(model_path))
    await agent.parse_message("bonjour")  # warm-up: the first parse builds TensorFlow's graph
    parsed = []
    for text in texts:
        started = time.perf_counter()
        parsed.append(await agent.parse_message(text))
        parsed[-1]["parse_ms"] = (time.perf_counter() - started) * 1000
    return parsed


def predict(model_path: str, texts: List[str]) -> List[dict]:
    """Rasa's parse of each text, with the time it took (`parse_ms`)."""
    return asyncio.run(_predict_all(model_path, texts))


def scores(gold: List[str], predicted: List[str]) -> Dict:
    """Macro-F1 over the gold intents, per-intent figures, danger recall, false-alarm rate."""
    labels = sorted(set(gold))
    per_label = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    per_intent = {label: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(n)}
                  for label, p, r, f, n in zip(labels, *per_label)}
    danger = [(g, p) for g, p in zip(gold, predicted) if g in DANGER]
    safe = [(g, p) for g, p in zip(gold, predicted) if g not in DANGER]
    everyday = [p for g, p in zip(gold, predicted) if g in EVERYDAY]
    return {
        "examples": len(gold),
        "macro_f1": sum(v["f1"] for v in per_intent.values()) / len(labels),
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold),
        # a danger message (urgence, detresse, chantage) recognised as its own scenario
        "danger_recall": sum(g == p for g, p in danger) / len(danger) if danger else 0.0,
        # ... or asked about first, the number visible
        "danger_recall_or_asked": sum(g == p or p == DOUBT for g, p in danger) / len(danger) if danger else 0.0,
        "danger_asked": sum(p == DOUBT for _, p in danger),
        # an everyday or small-talk message answered with a danger answer (its number first)
        "everyday_alarm_rate": sum(p in DANGER for p in everyday) / len(everyday) if everyday else 0.0,
        "everyday_asked_rate": sum(p == DOUBT for p in everyday) / len(everyday) if everyday else 0.0,
        # an everyday worry answered as one of the situations
        "everyday_as_situation_rate": (sum(p in SITUATIONS for g, p in zip(gold, predicted) if g == "autre_souci")
                                       / max(1, sum(g == "autre_souci" for g in gold))),
        # a non-danger message answered as a danger scenario
        "false_alarm_rate": sum(p in DANGER for _, p in safe) / len(safe) if safe else 0.0,
        "fallback_rate": sum(p == "nlu_fallback" for p in predicted) / len(predicted),
        "per_intent": per_intent,
    }


FOLLOWUPS = "suites"


def kind_of(path: Path) -> str:
    """A set's kind, from its file name: figures, quotidien, recits, danger, suites (the questions
    that follow an answer), or scenarios."""
    kinds = ("figures", "quotidien", "recits", "danger", FOLLOWUPS)
    return next((kind for kind in kinds if kind in path.stem), "scenarios")


def answered_as(parsed: dict, gold: str) -> str:
    """The answer a parse leads to, as a group: a typed follow-up named by the `suite` entity
    is answered after an answer that gives the helplines (action_orienter adds it), except
    after a crisis answer; an everyday answer does not carry it."""
    name = parsed["intent"]["name"]
    suites = [e["value"] for e in parsed.get("entities", []) if e.get("entity") == "suite"]
    if name == gold or (gold in suites and name not in NO_FOLLOWUP and answered_with_helplines(name)):
        return gold
    return GROUP_OF.get(name, name)


def evaluate(model_path: str, paths: Iterable = None) -> Dict:
    paths = list(paths) if paths else blind_sets()
    pairs = [pair for path in paths for pair in nlu_examples(path)]
    kinds = [kind_of(Path(path)) for path in paths for _ in nlu_examples(path)]
    parsed = predict(model_path, [text for text, _ in pairs])
    every_gold = [intent for _, intent in pairs]
    every_predicted = [answered_as(p, g) for p, g in zip(parsed, every_gold)]
    # the groups' figures leave the follow-up questions out: they have their own score
    gold = [g for g, k in zip(every_gold, kinds) if k != FOLLOWUPS]
    predicted = [p for p, k in zip(every_predicted, kinds) if k != FOLLOWUPS]
    result = scores(gold, predicted)
    # the same figures on each kind of set (figures of speech, everyday messages, long stories)
    result["by_kind"] = {kind: scores([g for g, k in zip(every_gold, kinds) if k == kind],
                                      [p for p, k in zip(every_predicted, kinds) if k == kind])
                         for kind in sorted(set(kinds))}
    times = sorted(p["parse_ms"] for p in parsed)
    result["parse_p50_ms"], result["parse_p95_ms"] = times[len(times) // 2], times[int(len(times) * 0.95)]
    result["sets"] = [Path(path).name for path in paths]
    result["safety_net_overrides"] = sum(1 for p in parsed if p.get("safety_net"))
    result["errors"] = [
        {"text": text, "gold": g, "predicted": p, "kind": k}
        for (text, g), p, k in zip(pairs, every_predicted, kinds) if g != p
    ]
    result["confusions"] = Counter(f"{e['gold']}->{e['predicted']}" for e in result["errors"]).most_common(15)
    return result
