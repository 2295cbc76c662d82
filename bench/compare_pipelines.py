"""Trains each candidate pipeline of bench/pipelines/ on the same data and scores it on the
held-out set: the measurement behind the choice written in config.yml."""
import json
import sys

from bench.run import WORK, train_model
from vigie import PROJECT_ROOT
from vigie.evaluation import evaluate


def main(names) -> None:
    rows = {}
    for config in sorted((PROJECT_ROOT / "bench" / "pipelines").glob("*.yml")):
        if names and config.stem not in names:
            continue
        model, seconds = train_model(config, config.stem)
        result = evaluate(str(model))
        rows[config.stem] = {"train_seconds": round(seconds, 1), **{k: round(result[k], 4) for k in (
            "macro_f1", "accuracy", "danger_recall", "false_alarm_rate", "fallback_rate")}}
        print(config.stem, rows[config.stem], flush=True)
    (WORK / "pipelines.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
