"""Several Rasa processes (endpoints.scaled.yml): Redis tracker and lock stores, nginx in front.
Real redis-server, nginx and Rasa processes on loopback (tooling/cluster.py)."""
import asyncio
import json
import threading
import time
import uuid

import pytest
import requests
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bench.load import run_load
from tests.metrics.prometheus import prometheus
from tooling.cluster import TRACKER_PREFIX, ScaledStack
from vigie.domain_files import DOMAIN_DIR
from tooling.processes import metrics_url, new_sender, texts
from vigie.stores import ErasableRedisTrackerStore


@pytest.fixture(scope="module")
def scaled():
    servers = ScaledStack().start()
    yield servers
    servers.stop()


def say(base_url: str, sender: str, message: str) -> str:
    response = requests.post(f"{base_url}/webhooks/rest/webhook", timeout=60,
                             json={"sender": sender, "message": message})
    assert response.status_code == 200, response.text
    assert response.json() and all(a["recipient_id"] == sender for a in response.json())
    return texts(response.json())


def stored_user_texts(scaled, sender: str) -> list:
    raw = scaled.redis.client().get(TRACKER_PREFIX + sender)
    return [e["text"] for e in json.loads(raw)["events"] if e["event"] == "user"] if raw else []


def test_conversation_keeps_its_context_across_processes(scaled):
    sender, first, second = new_sender("multi"), scaled.rasa_url(0), scaled.rasa_url(1)
    assert "pour la Suisse" in say(first, sender, "j'habite en Suisse")
    assert "Appelle le 117" in say(second, sender, "un homme me suit dans la rue")
    assert "Tu peux contacter, en Suisse" in say(first, sender, "qui je peux appeler ?")
    assert "ne paie pas" in say(second, sender, "il menace de publier mes photos si je paie pas")
    assert stored_user_texts(scaled, sender) == [
        "j'habite en Suisse", "un homme me suit dans la rue", "qui je peux appeler ?",
        "il menace de publier mes photos si je paie pas"]


def test_redis_forgets_a_conversation_after_thirty_minutes_of_silence(scaled):
    sender = new_sender("multi")
    say(scaled.url, sender, "je suis en France")
    ttl = scaled.redis.client().ttl(TRACKER_PREFIX + sender)
    assert 0 < ttl <= 30 * 60


@pytest.mark.asyncio
async def test_redis_really_drops_expired_conversations(scaled):
    store = ErasableRedisTrackerStore(Domain.load(str(DOMAIN_DIR)), host="127.0.0.1",
                                      port=scaled.redis.port, key_prefix="expiry", record_exp=1)
    await store.save(DialogueStateTracker.from_events("court", [UserUttered("bonjour")]))
    assert await store.exists("court") and list(await store.keys()) == ["court"]
    assert 0 < scaled.redis.client().ttl(store._key("court")) <= 1
    deadline = time.monotonic() + 10
    while await store.exists("court") and time.monotonic() < deadline:  # Redis drops it by itself
        await asyncio.sleep(0.1)
    assert await store.retrieve("court") is None


def test_erase_deletes_the_conversation_from_redis(scaled):
    sender, first, second = new_sender("multi"), scaled.rasa_url(0), scaled.rasa_url(1)
    say(first, sender, "je suis en France")
    say(second, sender, "il menace de publier mes photos si je paie pas")
    assert len(stored_user_texts(scaled, sender)) == 2
    assert "notre conversation est effacée" in say(second, sender, "supprime notre conversation")
    assert not scaled.redis.client().exists(TRACKER_PREFIX + sender)
    # the other process starts afresh too: default country again
    assert "police au 101" in say(first, sender, "un homme me suit dans la rue")


def test_balanced_conversation_keeps_its_context(scaled):
    sender = new_sender("multi")
    assert "pour le Québec" in say(scaled.url, sender, "je suis au Québec")
    for _ in range(2):  # round robin: each process answers at least once
        assert "Appelle le 911" in say(scaled.url, sender, "un homme me suit dans la rue")
        answer = say(scaled.url, sender, "qui je peux appeler ?")
        assert "Tu peux contacter, au Québec" in answer or "📞 Tel-jeunes" in answer


def test_prometheus_adds_up_what_each_process_counted(scaled):
    """One scrape target per Rasa process (deploy/prometheus.yml): each counts the turns it
    answered, with the conversation's country read from Redis; Prometheus keeps them apart."""
    targets = [metrics_url(process).split("/")[2] for process in scaled.rasa]
    server = prometheus(targets).start()
    try:
        server.wait_for_scrapes_after(time.time(), targets=2)
        query = 'sum by (instance) (vigie_answers_total{country="FR"})'
        before = server.values(query, "instance")
        sender = new_sender("multi")
        say(scaled.rasa_url(0), sender, "je suis en France")
        say(scaled.rasa_url(1), sender, "il menace de publier mes photos si je paie pas")
        say(scaled.rasa_url(1), sender, "qui je peux appeler ?")
        server.wait_for_scrapes_after(time.time(), targets=2)
        after = server.values(query, "instance")
        assert {t: after[(t,)] - before[(t,)] for t in targets} == {targets[0]: 1, targets[1]: 2}
    finally:
        server.stop()


@pytest.mark.destructive
def test_stopping_one_process_mid_load_loses_no_answer(scaled):
    """Stops the second Rasa process (SIGTERM), as a rolling update or a scale-down does,
    while 20 senders are talking through nginx (destructive: `make test-scaled` runs it after
    the others; the process stays stopped)."""
    senders, messages = 20, 6
    progress, answered = [], []
    load = threading.Thread(target=lambda: answered.extend(asyncio.run(
        run_load(scaled.url, senders, messages, on_exchange=progress.append))))
    load.start()
    deadline = time.monotonic() + 300
    while len(progress) < senders and time.monotonic() < deadline:
        time.sleep(0.05)
    stopped_after = len(progress)
    scaled.rasa[1].stop()  # graceful: finishes its messages, then refuses connections
    load.join(600)
    assert stopped_after < senders * messages, "stopped while messages were coming"
    assert len(answered) == senders * messages
    failures = [e for e in answered if e.status != 200 or e.problem]
    assert failures == [], failures[:5]
    # the remaining process serves new conversations
    sender = new_sender("multi")
    say(scaled.url, sender, "j'habite en Suisse")
    assert "Appelle le 117" in say(scaled.url, sender, "un homme me suit dans la rue")


@pytest.mark.destructive
def test_lost_redis_still_leaves_the_user_an_emergency_number(scaled):
    """Stops Redis, then starts it again (empty). Rasa cannot lock or load the conversation;
    the channel still answers, and keeps the text out of the log."""
    scaled.redis.stop()
    try:
        sender, marker = new_sender("multi"), "marqueur" + uuid.uuid4().hex[:8]
        text = say(scaled.rasa_url(0), sender, f"il menace de publier mes photos {marker}")
        assert "Désolé, je n'ai pas pu répondre" in text and "112" in text
        assert marker not in scaled.rasa[0].output()
    finally:
        scaled.redis.start()
