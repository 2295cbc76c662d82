"""A real Prometheus server (Debian's `prometheus`) on loopback, with the project's scrape
configuration (deploy/prometheus.yml): its targets replaced by the test's Rasa processes, its
interval by one second. Its storage lives in a temporary directory, removed on stop."""
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import requests
import yaml

from tooling.cluster import executable
from tooling.processes import ROOT, Process, free_port

CONFIG = ROOT / "deploy" / "prometheus.yml"
JOB = "vigie"
INTERVAL = "1s"


def scrape_config(targets: List[str], interval: str = INTERVAL) -> dict:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["global"]["scrape_interval"] = interval
    job = next(job for job in config["scrape_configs"] if job["job_name"] == JOB)
    job.update(scrape_interval=interval, scrape_timeout=interval, static_configs=[{"targets": targets}])
    return config


@dataclass
class Prometheus(Process):
    api: str = ""
    directory: Path = Path()

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def get(self, path: str, **params) -> dict:
        answer = requests.get(f"{self.api}{path}", params=params, timeout=10).json()
        assert answer["status"] == "success", answer
        return answer["data"]

    def query(self, expression: str, at: Optional[float] = None) -> List[dict]:
        """An instant query, evaluated now or `at` (time.time())."""
        moment = {} if at is None else {"time": f"{at:.3f}"}
        return self.get("/api/v1/query", query=expression, **moment)["result"]

    def values(self, expression: str, *labels: str, at: Optional[float] = None) -> Dict[Tuple[str, ...], float]:
        """An instant query's result as {(label values...): value}."""
        return {tuple(row["metric"].get(name, "") for name in labels): float(row["value"][1])
                for row in self.query(expression, at)}

    def wait(self, expression: str, timeout: float = 60) -> List[dict]:
        """Polls until the query returns something (a scrape is a second away)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = self.query(expression)
            if result:
                return result
            time.sleep(0.2)
        raise TimeoutError(expression)

    def wait_for_scrapes_after(self, moment: float, targets: int = 1) -> None:
        """Until each of the `targets` has been scraped (successfully) after `moment`
        (time.time()): what was counted before it is then in Prometheus."""
        # timestamp() of a selector is the scrape's time (of any other expression: now)
        self.wait(f'count(timestamp(up{{job="{JOB}"}}) > {moment:.3f} and up == 1) >= {targets}')


def prometheus(targets: List[str]) -> Prometheus:
    directory = Path(tempfile.mkdtemp(prefix="vigie-prometheus-"))
    config = directory / "prometheus.yml"
    config.write_text(yaml.safe_dump(scrape_config(targets)), encoding="utf-8")
    port = free_port()
    address = f"127.0.0.1:{port}"
    return Prometheus([executable("prometheus"), f"--config.file={config}",
                       f"--storage.tsdb.path={directory / 'data'}", f"--web.listen-address={address}",
                       # plain write-ahead log: a test can read what Prometheus wrote to disk
                       "--no-storage.tsdb.wal-compression", "--log.level=warn"],
                      f"http://{address}/-/ready", api=f"http://{address}", directory=directory)
