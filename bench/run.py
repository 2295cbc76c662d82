"""`make bench`: Vigie's figures next to the stock `rasa init` bot's, measured in the same run.

Trains Vigie and scores it on the blind sets; the stock bot is the one `rasa init` writes (its
own data, Rasa's default pipeline and policies), trained once in bench/work and reused. Then
serves each one (a real Rasa server over REST on loopback) with the same messages (Vigie's
development set) and measures latency, throughput, start-up time and peak memory. Writes
bench/results.json and the table in docs/measurements.md. Figures, not pass/fail: the targets
are printed beside them.
"""
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from bench.readme_table import write_measurements_table
from bench.serving import serve_and_measure, serving_texts
from vigie import PROJECT_ROOT
from tooling.evaluation import evaluate, nlu_examples
from tooling.processes import PYTHON, Process, action_server, env, free_port

WORK = PROJECT_ROOT / "bench" / "work"
STOCK_DIR = WORK / "stock_rasa_init"
STOCK_ON_VIGIE_DIR = WORK / "stock_pipeline_vigie_domain"
EXAMPLES_PER_INTENT = 25  # of Vigie's data for the stock pipeline: all 7,400 take over an hour
TARGETS = {"macro_f1": ">= 0.93", "min_f1": ">= 0.85", "danger_recall": ">= 0.98", "false_alarm_rate": "<= 0.01",
           "danger_recall_or_asked": "1.0", "figures_alarm_rate": "<= 0.03", "everyday_alarm_rate": "<= 0.03",
           "everyday_as_situation_rate": "<= 0.10", "stories_accuracy": ">= 0.92",
           "parse_p95_ms": "<= 30", "p95_ms": "<= 40", "late_over_early": "<= 1.2", "throughput_ratio": ">= 3",
           "ready_s": "<= 15", "train_s": "<= 180", "peak_memory_mb": "<= 886"}


def train_model(config: Path, name: str) -> tuple:
    """Trains `config` on the project's data into bench/work/NAME: (model, seconds)."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "vigie.server", "train", "--config", str(config), "--data", "data",
                    "--domain", "domain", "--out", str(WORK / name), "--fixed-model-name", name, "--quiet",
                    "--force"], cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)
    return WORK / name / f"{name}.tar.gz", time.monotonic() - started


def train_vigie() -> tuple:
    """(model, seconds); with --reuse, the model this script trained before and its time."""
    model, seconds_file = WORK / "vigie" / "vigie.tar.gz", WORK / "vigie" / "train_seconds"
    if "--reuse" in sys.argv and model.exists() and seconds_file.exists():
        return model, float(seconds_file.read_text())
    model, seconds = train_model(PROJECT_ROOT / "config.yml", "vigie")
    seconds_file.write_text(str(seconds))
    return model, seconds


def plain_rasa_once(directory: Path, *arguments: str, prepare: Callable[[], None] = lambda: None) -> float:
    """Seconds that `rasa ARGUMENTS` (plain Rasa, none of Vigie's code) took in `directory`, run
    once, after `prepare`, and remembered there (--retrain-stock runs it again); its output goes
    to rasa.log."""
    seconds_file = directory / "train_seconds"
    if "--retrain-stock" in sys.argv or not seconds_file.exists():
        directory.mkdir(parents=True, exist_ok=True)
        prepare()
        started = time.monotonic()
        with open(directory / "rasa.log", "w") as log:
            subprocess.run([PYTHON, "-m", "rasa", *arguments], cwd=directory, env=env(), check=True,
                           stdout=log, stderr=subprocess.STDOUT)
        seconds_file.write_text(str(time.monotonic() - started))
    return float(seconds_file.read_text())


def plain_rasa_server(model: Path, endpoints: Path) -> Process:
    port = free_port()
    return Process([PYTHON, "-m", "rasa", "run", "-m", str(model), "-i", "127.0.0.1", "-p", str(port),
                    "--credentials", str(STOCK_DIR / "credentials.yml"), "--endpoints", str(endpoints)],
                   f"http://127.0.0.1:{port}/")


def stock_bot() -> tuple:
    """(model, seconds) of the bot `rasa init` writes and trains: Rasa's own command, its own
    data, pipeline and policies."""
    seconds = plain_rasa_once(STOCK_DIR, "init", "--no-prompt", "--init-dir", str(STOCK_DIR))
    return max((STOCK_DIR / "models").glob("*.tar.gz")), seconds


def stock_pipeline_on_vigie() -> tuple:
    """(model, seconds): the stock pipeline and policies (`rasa init`'s config.yml) trained with
    plain `rasa` on Vigie's domain, rules and stories and 25 examples per intent, made once.
    Its serving cost depends on the domain, the features and the messages, not on the number
    of examples; its training time is that of the sample."""
    data = STOCK_ON_VIGIE_DIR / "data"

    def sample_data() -> None:
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(PROJECT_ROOT / "data", data, ignore=shutil.ignore_patterns("nlu"))
        (data / "nlu.yml").write_text(sample_nlu(EXAMPLES_PER_INTENT), encoding="utf-8")

    seconds = plain_rasa_once(STOCK_ON_VIGIE_DIR, "train", "--config", str(STOCK_DIR / "config.yml"),
                              "--data", str(data), "--domain", str(PROJECT_ROOT / "domain"),
                              "--out", str(STOCK_ON_VIGIE_DIR), "--fixed-model-name", "stock", "--force",
                              prepare=sample_data)
    return STOCK_ON_VIGIE_DIR / "stock.tar.gz", seconds


def sample_nlu(per_intent: int) -> str:
    """`per_intent` examples of each intent of data/nlu, drawn with a fixed seed."""
    by_intent = {}
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for text, intent in nlu_examples(path):
            by_intent.setdefault(intent, []).append(text)
    draw = random.Random(1)
    blocks = [f"- intent: {intent}\n  examples: |\n" + "".join(
        f"    - {text}\n" for text in draw.sample(texts, min(per_intent, len(texts))))
        for intent, texts in sorted(by_intent.items())]
    return 'version: "3.1"\nnlu:\n' + "".join(blocks)


def stock_server_with_actions(model: Path, action_port: int) -> Process:
    """Plain `rasa run` calling Vigie's action server (its domain has action_orienter)."""
    endpoints = STOCK_ON_VIGIE_DIR / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    return plain_rasa_server(model, endpoints)


def measure_vigie(texts) -> dict:
    model, train_seconds = train_vigie()
    scores = evaluate(str(model))
    kinds = scores["by_kind"]
    figures = {"train_s": train_seconds, **{k: scores[k] for k in (
        "macro_f1", "accuracy", "danger_recall", "danger_recall_or_asked", "false_alarm_rate", "fallback_rate",
        "parse_p95_ms", "sets")},
        # the open world, by kind of blind set (tooling.evaluation.kind_of)
        "figures_alarm_rate": kinds["figures"]["everyday_alarm_rate"],
        "everyday_alarm_rate": kinds["quotidien"]["everyday_alarm_rate"],
        "everyday_as_situation_rate": kinds["quotidien"]["everyday_as_situation_rate"],
        "stories_accuracy": kinds["recits"]["accuracy"],
        "recall": {k: v["recall"] for k, v in scores["per_intent"].items()},
        "f1": {k: v["f1"] for k, v in scores["per_intent"].items()}}
    figures.update(serve_and_measure(model, texts))
    figures["min_f1"] = min(figures["f1"].values())
    print("vigie", json.dumps({k: v for k, v in figures.items() if k not in ("recall", "f1")}, indent=1), flush=True)
    return figures


def measure_stock_on_vigie(texts) -> dict:
    model, train_seconds = stock_pipeline_on_vigie()
    actions = action_server().start()
    try:
        figures = {"train_s": train_seconds,
                   **serve_and_measure(model, texts, stock_server_with_actions(model, actions.port))}
    finally:
        actions.stop()
    print("stock pipeline, Vigie's domain", json.dumps(figures, indent=1), flush=True)
    return figures


def measure_stock(texts) -> dict:
    """The stock bot's serving figures on Vigie's messages: its NLU reads inputs of the same
    length; its answers (to intents it was not made for) are not checked, and may be empty."""
    model, train_seconds = stock_bot()
    figures = {"train_s": train_seconds,
               **serve_and_measure(model, texts, plain_rasa_server(model, STOCK_DIR / "endpoints.yml"),
                                  answers_required=False)}
    print("stock", json.dumps(figures, indent=1), flush=True)
    return figures


ROWS = [("Blind macro-F1", "macro_f1", "{:.3f}"), ("Lowest scenario F1", "min_f1", "{:.2f}"),
        ("Danger recall (urgence+détresse+chantage)", "danger_recall", "{:.3f}"),
        ("Danger answered or asked about, the number visible", "danger_recall_or_asked", "{:.3f}"),
        ("False-alarm rate (non-danger → danger)", "false_alarm_rate", "{:.3f}"),
        ("Figures of speech with a danger answer first", "figures_alarm_rate", "{:.3f}"),
        ("Everyday concerns with a danger answer first", "everyday_alarm_rate", "{:.3f}"),
        ("Everyday concerns answered as a situation", "everyday_as_situation_rate", "{:.3f}"),
        ("Long stories right", "stories_accuracy", "{:.3f}"),
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
        figures = figures.get(part) if isinstance(figures, dict) else None
    return figures


def table(results) -> str:
    lines = ["| figure | Vigie | stock `rasa init` bot | ratio | stock pipeline, Vigie's domain | ratio | target |",
             "|---|---|---|---|---|---|---|"]
    targets = dict(TARGETS, throughput_msg_s=TARGETS["throughput_ratio"] + " stock",
                   first_message_ms="≤ tenth")
    for label, key, fmt in ROWS:
        ours = value(results["vigie"], key)
        cells = [fmt.format(ours)]
        for reference in ("stock", "stock_on_vigie"):
            stock = value(results[reference], key)
            cells += [fmt.format(stock) if stock is not None else "—", f"{ours / stock:.2f}×" if stock else "—"]
        target = targets.get(key, "").replace(">=", "≥").replace("<=", "≤")
        lines.append(f"| {label} | {' | '.join(cells)} | {target} |")
    return "\n".join(lines)


def main() -> None:
    texts = serving_texts()  # the development set: the serving figures need no blind set
    results = {"vigie": measure_vigie(texts), "stock": measure_stock(texts),
               "stock_on_vigie": measure_stock_on_vigie(texts)}
    for reference in ("stock", "stock_on_vigie"):
        results["vigie"][f"throughput_ratio_{reference}"] = \
            results["vigie"]["throughput_msg_s"] / results[reference]["throughput_msg_s"]
    results["targets"] = TARGETS
    results["machine"] = {"cores": __import__("os").cpu_count(), "date": time.strftime("%Y-%m-%d")}
    (PROJECT_ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    markdown = table(results)
    print(markdown)
    write_measurements_table("bench", markdown)


if __name__ == "__main__":
    main()
