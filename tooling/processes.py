"""Starts real Vigie servers on free loopback ports, for the end-to-end tests and the benchmarks:
the action server and Rasa (through `python -m vigie.server`, with the same arguments as `rasa`)."""
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests

from vigie import PROJECT_ROOT as ROOT

MODEL = ROOT / "models" / "vigie.tar.gz"
PYTHON = sys.executable


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env() -> dict:
    return dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
                SQLALCHEMY_SILENCE_UBER_WARNING="1")


def wait_http(url: str, timeout: float = 120, process: Optional[subprocess.Popen] = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise TimeoutError(url)


@dataclass
class Process:
    """A server started for a test, with its log kept in a temporary file."""

    args: List[str]
    url: str
    log: Path = field(default_factory=lambda: Path(tempfile.mkstemp(suffix=".log")[1]))
    popen: Optional[subprocess.Popen] = None
    environment: Dict[str, str] = field(default_factory=dict)  # on top of env()

    @property
    def port(self) -> int:
        return int(self.url.split(":")[2].split("/")[0])

    def start(self, timeout: float = 180) -> "Process":
        handle = open(self.log, "ab")
        self.popen = subprocess.Popen(self.args, cwd=ROOT, env=dict(env(), **self.environment), stdout=handle,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        wait_http(self.url, timeout, self.popen)
        return self

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def action_server(port: Optional[int] = None) -> Process:
    port = port or free_port()
    return Process([PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
                   f"http://127.0.0.1:{port}/health")


def rasa_server(action_port: int, port: Optional[int] = None, credentials: str = "credentials.yml",
                endpoints: Optional[str] = None, extra: List[str] = (), model: Path = MODEL,
                actions_in_process: bool = True, metrics_port: Optional[int] = None) -> Process:
    """Rasa on loopback; the endpoints file is the project's, pointed at `action_port`, with the
    actions run inside Rasa as in production, or (`actions_in_process=False`) by the action
    server, whose failures the fault tests need; its metrics on `metrics_port`, if given."""
    port = port or free_port()
    endpoints = endpoints or _endpoints_for(action_port, actions_in_process)
    return Process([PYTHON, "-m", "vigie.server", "run", "-m", str(model), "-i", "127.0.0.1",
                    "-p", str(port), "--credentials", credentials, "--endpoints", endpoints, *extra],
                   f"http://127.0.0.1:{port}/",
                   environment={"VIGIE_METRICS_PORT": str(metrics_port)} if metrics_port else {})


def metrics_url(process: Process) -> Optional[str]:
    """Where a Rasa process started with `metrics_port` serves its metrics."""
    port = process.environment.get("VIGIE_METRICS_PORT")
    return f"http://127.0.0.1:{port}/metrics" if port else None


def _endpoints_for(action_port: int, actions_in_process: bool = True) -> str:
    text = (ROOT / "endpoints.yml").read_text().replace(
        "http://localhost:5055/webhook", f"http://127.0.0.1:{action_port}/webhook")
    if not actions_in_process:
        text = "\n".join(line for line in text.splitlines() if "actions_module:" not in line)
    path = Path(tempfile.mkstemp(suffix="-endpoints.yml")[1])
    path.write_text(text)
    return str(path)


class Stack:
    """Rasa server, with the actions inside it as in production, or (`actions_in_process=False`)
    with an action server of its own, for the tests of its failures; `send` talks over REST."""

    def __init__(self, actions_in_process: bool = True, **rasa_options) -> None:
        self.actions = None if actions_in_process else action_server()
        action_port = self.actions.port if self.actions else free_port()
        self.rasa = rasa_server(action_port, actions_in_process=actions_in_process, **rasa_options)

    @property
    def url(self) -> str:
        return self.rasa.url.rstrip("/")

    def start(self) -> "Stack":
        if self.actions:
            self.actions.start()
        self.rasa.start()
        return self

    def stop(self) -> None:
        self.rasa.stop()
        if self.actions:
            self.actions.stop()

    def send(self, sender: str, message: str, timeout: float = 30) -> List[dict]:
        response = requests.post(f"{self.url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": message}, timeout=timeout)
        response.raise_for_status()
        return response.json()


def new_sender(prefix: str = "test") -> str:
    """A conversation id no other test or benchmark uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def texts(answers: List[dict]) -> str:
    return "\n".join(a.get("text", "") for a in answers)
