"""Scores the deterministic safety net alone on bench/danger_dev.yml (a development set,
written independently, used to tune lexicon/danger.yml; the held-out set stays unseen).

    python bench/danger_dev.py [-v] [--nlu]

-v prints the misses; --nlu also checks the training data (data/nlu/*.yml): messages of other
intents must not trigger urgence/detresse, and the trigger rate of urgence/detresse messages."""
import sys

import spacy

from vigie import PROJECT_ROOT
from vigie.danger import danger_trigger
from vigie.scenarios import IMMEDIATE
from tooling.evaluation import nlu_examples
from vigie.nlu.spacy_model import configured_model
from vigie.text import prepare


def dev_set(nlp, verbose: bool) -> None:
    pairs = nlu_examples(PROJECT_ROOT / "bench" / "danger_dev.yml")
    hits = {intent: [0, 0] for intent in (*IMMEDIATE, "pas_danger")}
    for text, gold in pairs:
        found = danger_trigger(nlp(prepare(text)))
        ok = (found == gold) if gold != "pas_danger" else found is None
        hits[gold][0] += ok
        hits[gold][1] += 1
        if verbose and not ok:
            print(f"{gold:10s} -> {found}: {text}")
    for gold, (ok, total) in hits.items():
        print(f"{gold:10s} {ok}/{total} = {ok / total:.2f}")


def training_data(nlp, verbose: bool) -> None:
    false_alarms, triggered = [], {intent: [0, 0] for intent in IMMEDIATE}
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for text, intent in nlu_examples(path):
            found = danger_trigger(nlp(prepare(text)))
            if intent in IMMEDIATE:
                triggered[intent][0] += found is not None
                triggered[intent][1] += 1
                if verbose and found is None:
                    print(f"missed {intent:9s}: {text}")
            elif found:
                false_alarms.append((intent, found, text))
    for intent, found, text in false_alarms:
        print(f"false alarm {intent} -> {found}: {text}")
    print(f"data/nlu false alarms: {len(false_alarms)}")
    for intent, (ok, total) in triggered.items():
        print(f"data/nlu {intent:9s} triggered {ok}/{total} = {ok / total:.2f}")


def main(verbose: bool, nlu: bool) -> None:
    nlp = spacy.load(configured_model())
    dev_set(nlp, verbose)
    if nlu:
        training_data(nlp, verbose)


if __name__ == "__main__":
    main("-v" in sys.argv, "--nlu" in sys.argv)
