"""Chooses DANGER_CONFIDENCE (vigie/scenarios.py) on the development sets: for each threshold,
of every danger at once and of each danger alone (the others at their chosen values), how many
danger messages get their full answer, how many are asked about first, and how many other
messages get a danger answer or a question.

    .venv/bin/python -m bench.danger_threshold
"""
from vigie import PROJECT_ROOT
from tooling.evaluation import nlu_examples, predict
from tooling.processes import MODEL
from vigie.scenarios import DANGER, DANGER_CONFIDENCE, GROUP_OF

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def outcome(parsed: dict, threshold: float, only: str = "") -> str:
    """'full', 'asked' or 'other', had the threshold of `only` (or of every danger) been this one."""
    intent = parsed["intent"]["name"]
    if parsed.get("safety_net") == "danger rule" and intent in DANGER:
        return "full"
    doubted = parsed.get("doubted") or (parsed["intent"] if intent in DANGER else None)
    if not doubted or parsed.get("safety_net") not in (None, "doubt"):
        return "asked" if doubted else "other"
    if only and doubted["name"] != only:
        return "full" if doubted["confidence"] >= DANGER_CONFIDENCE[doubted["name"]] else "asked"
    return "full" if doubted["confidence"] >= threshold else "asked"


def main() -> None:
    pairs = [pair for path in sorted((PROJECT_ROOT / "bench").glob("nlu_dev_*.yml")) for pair in nlu_examples(path)]
    parsed = predict(str(MODEL), [text for text, _ in pairs])
    print(f"{len(pairs)} development messages")
    for only in ("", "urgence", "detresse", "chantage"):
        print(f"{only or 'every danger'}: threshold | danger: full / asked / missed | others: danger answer / asked")
        for threshold in THRESHOLDS:
            outcomes = [(GROUP_OF.get(gold, gold) in DANGER, outcome(p, threshold, only))
                        for (_, gold), p in zip(pairs, parsed)]
            danger = [o for is_danger, o in outcomes if is_danger]
            others = [o for is_danger, o in outcomes if not is_danger]
            print(f"  {threshold:.2f} | {danger.count('full')} / {danger.count('asked')} / {danger.count('other')} "
                  f"of {len(danger)} | {others.count('full')} / {others.count('asked')} of {len(others)}")


if __name__ == "__main__":
    main()
