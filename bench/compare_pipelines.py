"""Trains config.yml and variants of it on the same data and scores each on the development sets:
the measurement behind the choice written in config.yml (README, "Understanding").

    python -m bench.compare_pipelines [NAME ...]     # all variants when no name is given
"""
import copy
import json
import sys

import yaml

from bench.run import WORK, train_model
from vigie import PROJECT_ROOT
from tooling.evaluation import evaluate

# the sets that choose the pipeline: development sets by authors who never saw data/nlu (A and
# B chose the pipeline while still blind); the blind sets stay for the README's final figures
SELECTION_SETS = sorted((PROJECT_ROOT / "bench").glob("nlu_dev_2026-11-30-auteur-*.yml"))

# name -> {component name: replacement settings (None removes the component)}
DIET = {"name": "DIETClassifier", "epochs": 80, "number_of_transformer_layers": 0, "entity_recognition": False,
        "constrain_similarities": True, "random_seed": 42}
VARIANTS = {
    "chosen": {},
    "whitespace_tokens": {"SpacyTokenizer": {"name": "WhitespaceTokenizer"}},
    "diet": {"vigie.nlu.classifier.IntentClassifier": DIET},
    "diet_transformer": {"vigie.nlu.classifier.IntentClassifier": dict(DIET, number_of_transformer_layers=2)},
}
FIGURES = ("macro_f1", "accuracy", "danger_recall", "false_alarm_rate", "fallback_rate", "parse_p95_ms")


def variant_config(changes: dict) -> dict:
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    pipeline = []
    for step in config["pipeline"]:
        change = changes.get(step["name"], {})
        if change is None:
            continue
        if "name" in change:  # a replacement keeps none of the old component's settings
            pipeline.append(copy.deepcopy(change))
        else:
            pipeline.append({**step, **change})
    config["pipeline"] = pipeline
    return config


def main(names) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name, changes in VARIANTS.items():
        if names and name not in names:
            continue
        path = WORK / f"{name}.yml"
        path.write_text(yaml.safe_dump(variant_config(changes), sort_keys=False), encoding="utf-8")
        model, seconds = train_model(path, name)
        result = evaluate(str(model), SELECTION_SETS)
        rows[name] = {"train_s": round(seconds), **{k: round(result[k], 3) for k in FIGURES}}
        print(name, rows[name], flush=True)
    (WORK / "pipelines.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
