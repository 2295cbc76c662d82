"""Privacy: conversations are erased on request and expire after a silence, the HTTP API is
closed, what users write stays out of the logs, telemetry is off."""
import json
import os
import subprocess
import uuid

import pytest
import requests

from tests.api_stack import TOKEN, shared_api_stack, stored_conversation, user_texts
from tooling.processes import PYTHON, ROOT, new_sender, texts

ERASED = "notre conversation est effacée"


@pytest.fixture(scope="module")
def api_stack(request):
    return shared_api_stack(request.config)


# ---------- erasing ----------

@pytest.mark.parametrize("request_text", [
    "efface", "supprime notre conversation", "/efface", "/effacer", "Efface tout stp",
])
def test_erase_removes_conversation_from_store(api_stack, request_text):
    sender = new_sender("vie-privee")
    api_stack.send(sender, "je suis en France")
    api_stack.send(sender, "il menace de publier mes photos si je paie pas")
    assert len(user_texts(stored_conversation(api_stack, sender))) == 2

    assert ERASED in texts(api_stack.send(sender, request_text))
    assert stored_conversation(api_stack, sender) is None, "gone from the tracker store"

    # a fresh conversation: the country chosen before is forgotten
    assert "police au 101" in texts(api_stack.send(sender, "un homme me suit dans la rue"))
    assert user_texts(stored_conversation(api_stack, sender)) == ["un homme me suit dans la rue"]


def test_erase_sent_as_the_widget_quick_exit_does(api_stack):
    """text/plain, no preflight: the widget's « Quitter » while the page closes."""
    sender = new_sender("vie-privee")
    api_stack.send(sender, "je suis en France")
    response = requests.post(f"{api_stack.url}/webhooks/rest/webhook", timeout=30,
                             headers={"Content-Type": "text/plain"},
                             data=json.dumps({"sender": sender, "message": "/effacer"}))
    assert response.status_code == 200 and ERASED in texts(response.json())
    assert stored_conversation(api_stack, sender) is None


def test_erase_touches_only_the_sender_conversation(api_stack):
    kept, erased = new_sender("vie-privee"), new_sender("vie-privee")
    api_stack.send(kept, "j'habite en Suisse")
    api_stack.send(erased, "j'habite en Suisse")
    api_stack.send(erased, "efface")
    assert stored_conversation(api_stack, erased) is None
    assert user_texts(stored_conversation(api_stack, kept)) == ["j'habite en Suisse"]


# expiry: tests/unit/test_expiry.py (a fake clock instead of waiting)


# ---------- the HTTP API ----------

def test_http_api_is_off_by_default(stack):
    """`stack` is started like `make run`: no --enable-api."""
    assert requests.get(f"{stack.url}/conversations/x/tracker", timeout=10).status_code == 404
    assert requests.post(f"{stack.url}/model/parse", json={"text": "salut"},
                         timeout=10).status_code == 404
    for script in ("scripts/run.sh", "scripts/run_scaled.sh"):
        assert "--enable-api" not in (ROOT / script).read_text()


@pytest.mark.parametrize("token", [None, "mauvais-jeton"])
def test_http_api_needs_the_token(api_stack, token):
    sender = new_sender("vie-privee")
    api_stack.send(sender, "je suis en France")
    params = {"token": token} if token else {}
    for method, path in [("get", f"/conversations/{sender}/tracker"),
                         ("get", f"/conversations/{sender}/story"),
                         ("post", "/model/parse")]:
        response = getattr(requests, method)(f"{api_stack.url}{path}", params=params,
                                             json={"text": "x"}, timeout=10)
        assert response.status_code == 401, path
    assert requests.get(f"{api_stack.url}/conversations/{sender}/tracker",
                        params={"token": TOKEN}, timeout=10).status_code == 200


# ---------- logs ----------

def test_user_text_never_reaches_the_logs(api_stack):
    marker = "secretmarqueur" + uuid.uuid4().hex[:8]
    sender = new_sender("vie-privee")
    for message in [f"{marker} il menace de publier mes photos",  # normal, with the action
                    f"/{marker} on me harcèle",                    # slash text (Rasa warns)
                    f"<script>{marker}</script>"]:
        api_stack.send(sender, message)
    refused = requests.post(f"{api_stack.url}/webhooks/rest/webhook", timeout=10,
                            json={"sender": sender, "message": marker, "metadata": marker})
    assert refused.status_code == 400
    api_stack.send(sender, "efface")
    # no waiting: both servers log while handling a request, before it is answered, and
    # Python writes stderr line by line even to a file
    rasa_log, actions_log = api_stack.rasa.output(), api_stack.actions.output()
    assert "INFO" in rasa_log, "the log is written at INFO"
    assert marker not in rasa_log
    assert marker not in actions_log


# ---------- telemetry ----------

def test_telemetry_is_off_even_without_the_environment_variable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "RASA_TELEMETRY_ENABLED"}
    env["HOME"] = str(tmp_path)  # no user-level Rasa settings either
    code = ("import vigie.server\n"
            "from rasa import telemetry\n"
            "print(telemetry.is_telemetry_enabled())")
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr[-2000:]
