import time
from dataclasses import dataclass

import pytest

from tests.metrics import script
from tests.metrics.prometheus import Prometheus, prometheus
from tests.telegram.support import TelegramBench
from tooling.processes import free_port, metrics_url


@dataclass
class Observed:
    prometheus: Prometheus
    bench: TelegramBench
    script: script.Script

    @property
    def metrics_url(self) -> str:
        return metrics_url(self.bench.stack.rasa)


@pytest.fixture(scope="session")
def observed():
    """A real Prometheus scraping one Rasa server (REST, and Telegram against the fake Bot API)
    every second, after the scripted conversations: every count is in Prometheus."""
    port = free_port()
    bench = TelegramBench(extra=[], metrics_port=port)
    server = prometheus([f"127.0.0.1:{port}"]).start()
    try:
        bench.start()
        server.wait_for_scrapes_after(time.time())   # the zeros first: increase() counts from them
        said = script.run(bench)
        server.wait_for_scrapes_after(time.time())
        yield Observed(server, bench, said)
    finally:
        bench.stop()
        server.stop()
