"""Vigie's scaled setup on loopback, for the scaled tests and the load benchmark: Redis (tracker and lock
stores), two action servers and two Rasa servers, each pair behind nginx
(deploy/nginx.conf.template, endpoints.scaled.yml). Free ports, temporary directories; the
system's Redis and nginx services are never used."""
import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import redis

from tooling.processes import ROOT, Process, action_server, free_port, rasa_server

ENDPOINTS = ROOT / "endpoints.scaled.yml"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
TRACKER_PREFIX = "vigie:tracker:"  # key_prefix in endpoints.scaled.yml + Rasa's own prefix


def executable(name: str) -> str:
    # Debian puts nginx in /usr/sbin, which is not on every user's PATH
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin")
    if not found:
        raise RuntimeError(f"{name} is not installed (make system-scaled installs it)")
    return found


class Redis:
    """A private redis-server: loopback only, nothing written to disk."""

    def __init__(self) -> None:
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="vigie-redis-"))
        self.popen = None

    def client(self, db: int = 0) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, db=db, decode_responses=True)

    def start(self, timeout: float = 20) -> "Redis":
        self.directory.mkdir(parents=True, exist_ok=True)  # again after a stop
        log = open(self.directory / "redis.log", "ab")
        self.popen = subprocess.Popen(
            [executable("redis-server"), "--bind", "127.0.0.1", "--port", str(self.port),
             "--dir", str(self.directory), "--save", "", "--appendonly", "no"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.ConnectionError):
                if self.client().ping():
                    return self
            time.sleep(0.1)
        raise TimeoutError(f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.terminate()
            self.popen.wait(15)
        shutil.rmtree(self.directory, ignore_errors=True)


def render_nginx_conf(prefix: Path, error_log: Path, port: int, actions_port: int,
                      rasa_ports: List[int], action_ports: List[int]) -> str:
    def servers(ports: List[int]) -> str:
        return "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"
                         for p in ports)

    return (NGINX_TEMPLATE.read_text().replace("@@PREFIX@@", str(prefix))
            .replace("@@ERROR_LOG@@", str(error_log))
            .replace("@@WIDGET_DIR@@", str(ROOT / "widget"))
            .replace("@@PORT@@", str(port)).replace("@@ACTIONS_PORT@@", str(actions_port))
            .replace("@@RASA_SERVERS@@", servers(rasa_ports))
            .replace("@@ACTION_SERVERS@@", servers(action_ports)))


@dataclass
class Balancer(Process):
    """nginx: `front_url` leads to the Rasa servers, `actions_url` to the action servers."""

    front_url: str = ""
    actions_url: str = ""

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(Path(self.args[2]), ignore_errors=True)


def nginx(rasa_ports: List[int], action_ports: List[int]) -> Balancer:
    prefix = Path(tempfile.mkdtemp(prefix="vigie-nginx-"))
    prefix.chmod(0o755)  # nginx's workers (user nobody when started as root) use its temp dirs
    log = Path(tempfile.mkstemp(suffix="-nginx.log")[1])  # kept after stop, like other logs
    port, actions_port = free_port(), free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(render_nginx_conf(prefix, log, port, actions_port, rasa_ports, action_ports))
    return Balancer([executable("nginx"), "-p", str(prefix), "-c", str(conf), "-e", str(log)],
                    f"http://127.0.0.1:{actions_port}/health", log=log,
                    front_url=f"http://127.0.0.1:{port}",
                    actions_url=f"http://127.0.0.1:{actions_port}/webhook")


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Environment variables for the processes started inside (Popen copies os.environ)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class ScaledStack:
    """Redis + 2 action servers + 2 Rasa servers (endpoints.scaled.yml) + nginx."""

    def __init__(self, rasa_count: int = 2, action_count: int = 2) -> None:
        self.redis = Redis()
        self.actions = [action_server() for _ in range(action_count)]
        # each Rasa process serves its own metrics: one scrape target each (docs/metrics.md)
        self.rasa = [rasa_server(0, endpoints=str(ENDPOINTS), metrics_port=free_port()) for _ in range(rasa_count)]
        self.balancer = nginx([p.port for p in self.rasa], [p.port for p in self.actions])

    @property
    def url(self) -> str:
        """The balanced REST entry point, as a client sees it."""
        return self.balancer.front_url

    def rasa_url(self, index: int) -> str:
        return self.rasa[index].url.rstrip("/")

    def start(self) -> "ScaledStack":
        try:
            self.redis.start()
            for process in self.actions:
                process.start()
            self.balancer.start(timeout=30)
            with environment(VIGIE_REDIS_HOST="127.0.0.1", VIGIE_REDIS_PORT=str(self.redis.port),
                             VIGIE_ACTIONS_URL=self.balancer.actions_url):
                with ThreadPoolExecutor(len(self.rasa)) as pool:
                    list(pool.map(lambda process: process.start(timeout=300), self.rasa))
        except Exception:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for process in [*self.rasa, self.balancer, *self.actions]:
            process.stop()
        self.redis.stop()

