"""Scores the deterministic safety net alone on bench/danger_dev.yml (a development set,
written independently, used to tune lexicon/danger.yml; the held-out set stays unseen)."""
import sys

from vigie.evaluation import holdout_examples
from vigie.safety import danger_trigger
from vigie.text import normalize
from vigie import PROJECT_ROOT


def main(verbose: bool) -> None:
    pairs = holdout_examples(PROJECT_ROOT / "bench" / "danger_dev.yml")
    hits = {"urgence": [0, 0], "detresse": [0, 0], "pas_danger": [0, 0]}
    for text, gold in pairs:
        found = danger_trigger(normalize(text))
        ok = (found == gold) if gold != "pas_danger" else found is None
        hits[gold][0] += ok
        hits[gold][1] += 1
        if verbose and not ok:
            print(f"{gold:10s} -> {found}: {text}")
    for gold, (ok, total) in hits.items():
        print(f"{gold:10s} {ok}/{total} = {ok / total:.2f}")


if __name__ == "__main__":
    main("-v" in sys.argv)
