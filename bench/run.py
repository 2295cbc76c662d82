"""`make bench`: Vigie's figures next to the stock Rasa pipeline's, measured in the same run.

Trains both configurations on the same data, scores them on the held-out set, then serves
each one (real Rasa + action server over HTTP) and measures latency, throughput, start-up
time and peak memory. Writes bench/results.json and the table in README.md. Figures, not
pass/fail: the targets are printed beside them.
"""
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from bench.readme_table import write_between_markers
from tests.stack import action_server, rasa_server
from vigie import PROJECT_ROOT
from vigie.evaluation import evaluate, nlu_examples

WORK = PROJECT_ROOT / "bench" / "work"
CONFIGS = {"vigie": PROJECT_ROOT / "config.yml", "stock": PROJECT_ROOT / "bench" / "pipelines" / "stock.yml"}
SEQUENTIAL_MESSAGES = 200
CONVERSATION_LENGTH = 10  # one user's messages are spread over conversations of this length
CONCURRENT_SENDERS = 20
MESSAGES_PER_SENDER = 10
TARGETS = {"macro_f1": ">= 0.92", "danger_recall": ">= 0.98", "false_alarm_rate": "<= 0.02",
           "parse_p95_ms": "<= 30", "p95_ms": "<= 40", "throughput_ratio": ">= 2", "ready_s": "<= 30",
           "train_s": "<= 180"}
# messages for the serving figures: the development sets (the blind sets only score the NLU)
SERVING_TEXTS = sorted((PROJECT_ROOT / "bench").glob("nlu_dev_*.yml"))


def train_model(config: Path, name: str) -> tuple:
    """Trains `config` on the project's data into bench/work/NAME: (model, seconds)."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "vigie.server", "train", "--config", str(config), "--data", "data",
                    "--domain", "domain.yml", "--out", str(WORK / name), "--fixed-model-name", name, "--quiet",
                    "--force"], cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL)
    return WORK / name / f"{name}.tar.gz", time.monotonic() - started


def train(name: str) -> tuple:
    """(model, seconds); with --reuse, a model this script trained before and its recorded time."""
    model, seconds_file = WORK / name / f"{name}.tar.gz", WORK / name / "train_seconds"
    if "--reuse" in sys.argv and model.exists() and seconds_file.exists():
        return model, float(seconds_file.read_text())
    model, seconds = train_model(CONFIGS[name], name)
    seconds_file.write_text(str(seconds))
    return model, seconds


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def post(session, url, sender, text) -> float:
    started = time.perf_counter()
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        assert response.status == 200
        assert await response.json()
    return (time.perf_counter() - started) * 1000


async def one_user(url, texts) -> list:
    async with aiohttp.ClientSession() as session:
        await post(session, url, "warmup", "salut")
        return [await post(session, url, f"one-user-{i // CONVERSATION_LENGTH}", text)
                for i, text in enumerate(texts[:SEQUENTIAL_MESSAGES])]


async def concurrent(url, texts) -> float:
    async def sender(session, index):
        for k in range(MESSAGES_PER_SENDER):
            await post(session, url, f"load-{index}", texts[(index * MESSAGES_PER_SENDER + k) % len(texts)])
    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        await asyncio.gather(*(sender(session, i) for i in range(CONCURRENT_SENDERS)))
        return CONCURRENT_SENDERS * MESSAGES_PER_SENDER / (time.perf_counter() - started)


def percentile(values, q) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def serve_and_measure(model: Path, texts) -> dict:
    actions = action_server().start()
    server = rasa_server(actions.port, model=model)
    started = time.monotonic()
    server.start(timeout=300)
    url = server.url + "webhooks/rest/webhook"
    try:
        ready = time.monotonic() - started  # the server answers HTTP: the model is loaded
        latencies = asyncio.run(one_user(url, texts))
        throughput = asyncio.run(concurrent(url, texts))
        memory = peak_memory_mb(server.popen.pid)
    finally:
        server.stop()
        actions.stop()
    return {"p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "throughput_msg_s": throughput, "ready_s": ready, "peak_memory_mb": memory}


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
        ("NLU parse p95 (ms)", "parse_p95_ms", "{:.0f}"), ("REST latency p50, 1 user (ms)", "p50_ms", "{:.0f}"), ("REST latency p95, 1 user (ms)", "p95_ms", "{:.0f}"),
        ("Throughput, 20 senders (msg/s)", "throughput_msg_s", "{:.1f}"),
        ("Start to ready (s)", "ready_s", "{:.1f}"), ("Training (s)", "train_s", "{:.0f}"),
        ("Peak server memory (MB)", "peak_memory_mb", "{:.0f}")]


def value(figures, key):
    for part in key.split("."):
        figures = figures[part]
    return figures


def table(results) -> str:
    lines = ["| figure | Vigie | stock `rasa init` | ratio |", "|---|---|---|---|"]
    for label, key, fmt in ROWS:
        ours, stock = value(results["vigie"], key), value(results["stock"], key)
        ratio = f"{ours / stock:.2f}×" if stock else "—"
        lines.append(f"| {label} | {fmt.format(ours)} | {fmt.format(stock)} | {ratio} |")
    return "\n".join(lines)


def main() -> None:
    texts = [t for path in SERVING_TEXTS for t, _ in nlu_examples(path)]
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
