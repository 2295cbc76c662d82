"""`make bench`: Vigie's figures next to the stock Rasa pipeline's, measured in the same run.

Trains both configurations on the same data, scores them on the held-out set, then serves
each one (real Rasa + action server over HTTP) and measures latency, throughput, start-up
time and peak memory. Writes bench/results.json and the table in README.md. Figures, not
pass/fail: the targets are printed beside them.
"""
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.readme_table import write_between_markers
from bench.serving import serve_and_measure, serving_texts
from vigie import PROJECT_ROOT
from vigie.evaluation import evaluate

WORK = PROJECT_ROOT / "bench" / "work"
CONFIGS = {"vigie": PROJECT_ROOT / "config.yml", "stock": PROJECT_ROOT / "bench" / "pipelines" / "stock.yml"}
TARGETS = {"macro_f1": ">= 0.92", "min_f1": ">= 0.85", "danger_recall": ">= 0.98", "false_alarm_rate": "<= 0.02",
           "parse_p95_ms": "<= 30", "p95_ms": "<= 40", "late_over_early": "<= 1.2", "throughput_ratio": ">= 3",
           "ready_s": "<= 15", "train_s": "<= 180", "peak_memory_mb": "<= 886"}


def train_model(config: Path, name: str) -> tuple:
    """Trains `config` on the project's data into bench/work/NAME: (model, seconds)."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "vigie.server", "train", "--config", str(config), "--data", "data",
                    "--domain", "domain.yml", "--out", str(WORK / name), "--fixed-model-name", name, "--quiet",
                    "--force"], cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)
    return WORK / name / f"{name}.tar.gz", time.monotonic() - started


def train(name: str) -> tuple:
    """(model, seconds); with --reuse, a model this script trained before and its recorded time.
    The stock model is always reused once trained (`--retrain-stock` forces it): on today's data
    its five neural components take 30-40 min of the 2 cores, and its serving figures, measured
    afresh in every run, do not depend on a few more examples."""
    model, seconds_file = WORK / name / f"{name}.tar.gz", WORK / name / "train_seconds"
    reuse = "--reuse" in sys.argv or (name == "stock" and "--retrain-stock" not in sys.argv)
    if reuse and model.exists() and seconds_file.exists():
        return model, float(seconds_file.read_text())
    model, seconds = train_model(CONFIGS[name], name)
    seconds_file.write_text(str(seconds))
    return model, seconds


def measure(name: str, texts) -> dict:
    model, train_seconds = train(name)
    scores = evaluate(str(model))
    figures = {"train_s": train_seconds, **{k: scores[k] for k in (
        "macro_f1", "accuracy", "danger_recall", "false_alarm_rate", "fallback_rate", "parse_p95_ms", "sets")},
        "recall": {k: v["recall"] for k, v in scores["per_intent"].items()},
        "f1": {k: v["f1"] for k, v in scores["per_intent"].items()}}
    figures.update(serve_and_measure(model, texts))
    figures["min_f1"] = min(figures["f1"].values())
    print(name, json.dumps({k: v for k, v in figures.items() if k not in ("recall", "f1")}, indent=1), flush=True)
    return figures


ROWS = [("Blind macro-F1", "macro_f1", "{:.3f}"), ("Lowest scenario F1", "min_f1", "{:.2f}"),
        ("Danger recall (urgence+détresse+chantage)", "danger_recall", "{:.3f}"),
        ("False-alarm rate (non-danger → danger)", "false_alarm_rate", "{:.3f}"),
        ("Recall urgence", "recall.urgence", "{:.2f}"), ("Recall détresse", "recall.detresse", "{:.2f}"),
        ("Recall chantage", "recall.chantage", "{:.2f}"),
        ("NLU parse p95 (ms)", "parse_p95_ms", "{:.0f}"),
        ("REST latency p50, 1 user (ms)", "p50_ms", "{:.0f}"), ("REST latency p95, 1 user (ms)", "p95_ms", "{:.0f}"),
        ("Turns 31-40 / turns 1-10, median, 40-turn conversations", "late_over_early", "{:.2f}"),
        ("First message after start (ms)", "first_message_ms", "{:.0f}"),
        ("Tenth message after start (ms)", "tenth_message_ms", "{:.0f}"),
        ("Throughput, 20 senders (msg/s)", "throughput_msg_s", "{:.1f}"),
        ("Start to ready (s)", "ready_s", "{:.1f}"), ("Training (s)", "train_s", "{:.0f}"),
        ("Peak server memory (MB)", "peak_memory_mb", "{:.0f}")]


def value(figures, key):
    for part in key.split("."):
        figures = figures[part]
    return figures


def table(results) -> str:
    lines = ["| figure | Vigie | stock `rasa init` | ratio | target |", "|---|---|---|---|---|"]
    targets = dict(TARGETS, throughput_msg_s=TARGETS["throughput_ratio"] + " stock",
                   first_message_ms="≤ tenth")
    for label, key, fmt in ROWS:
        ours, stock = value(results["vigie"], key), value(results["stock"], key)
        ratio = f"{ours / stock:.2f}×" if stock else "—"
        target = targets.get(key, "").replace(">=", "≥").replace("<=", "≤")
        lines.append(f"| {label} | {fmt.format(ours)} | {fmt.format(stock)} | {ratio} | {target} |")
    return "\n".join(lines)


def main() -> None:
    texts = serving_texts()  # the development set: the serving figures need no blind set
    results = {name: measure(name, texts) for name in ("vigie", "stock")}
    results["vigie"]["throughput_ratio"] = results["vigie"]["throughput_msg_s"] / results["stock"]["throughput_msg_s"]
    results["targets"] = TARGETS
    results["machine"] = {"cores": __import__("os").cpu_count(), "date": time.strftime("%Y-%m-%d")}
    (PROJECT_ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    markdown = table(results)
    print(markdown)
    write_between_markers("bench", markdown)


if __name__ == "__main__":
    main()
