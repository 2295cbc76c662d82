"""The project's credentials.yml without TELEGRAM_* variables: the server starts (offline),
REST works, and the Telegram webhook says it is off. Uses the suite's shared `stack`."""
import os

import pytest
import requests

from tooling.processes import texts
from tests.telegram.support import SECRET, SECRET_HEADER, load_update

pytestmark = pytest.mark.skipif(bool(os.environ.get("TELEGRAM_TOKEN")),
                                reason="TELEGRAM_TOKEN is set: the shared stack has Telegram on")


def test_without_a_token_telegram_is_off_and_rest_still_answers(stack):
    health = requests.get(f"{stack.url}/webhooks/telegram/", timeout=5)
    assert health.json()["status"] == "disabled"
    update = requests.post(f"{stack.url}/webhooks/telegram/webhook",
                           json=load_update("private_text"), headers={SECRET_HEADER: SECRET},
                           timeout=10)
    assert update.status_code == 503
    assert "116 000" in texts(stack.send("telegram-off", "on me fait du chantage"))
