"""The Telegram test bench: the fake Bot API plus the real Vigie servers, with Telegram switched
on the way a deployment does it (the project's credentials.yml and TELEGRAM_* variables)."""
import copy
import itertools
import json
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import requests

from tooling.processes import Stack
from tests.telegram.fake_api import FakeTelegramApi

TOKEN = "123456:AAE-vigie_loopback_test_token"
SECRET = "vigie-test_secret-0123456789"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
UPDATES = Path(__file__).parent / "updates"

_update_ids = itertools.count(900000001)
_private_chats = itertools.count(7100001)


def new_chat() -> int:
    """A fresh private chat id, so that each test has its own conversation."""
    return next(_private_chats)


def load_update(name: str, chat_id: Optional[int] = None, **fields: Any) -> Dict[str, Any]:
    """A recorded update from updates/, moved to `chat_id`, with some fields replaced."""
    update = json.loads((UPDATES / f"{name}.json").read_text())
    update["update_id"] = next(_update_ids)
    body = next(value for key, value in update.items() if key != "update_id")
    chat = (body.get("message") or body)["chat"] if "data" in body else body["chat"]
    if chat_id is not None:
        chat["id"] = chat_id
        if chat["type"] == "private":
            body.get("from", {})["id"] = chat_id
    body.update(copy.deepcopy(fields))
    return update


class TelegramBench:
    def __init__(self, **stack_options: Any) -> None:
        self.api = FakeTelegramApi(TOKEN)
        # --enable-api only to read trackers: it shows what Vigie stored, or did not; an action
        # server of its own, which a test pauses to hold a turn open
        self.stack = Stack(**{"extra": ["--enable-api"], "actions_in_process": False, **stack_options})
        self.calls_at_start: List[Any] = []

    def start(self) -> "TelegramBench":
        self.api.start()
        with pytest.MonkeyPatch.context() as env:   # Popen copies the environment at start
            env.setenv("TELEGRAM_TOKEN", TOKEN)
            env.setenv("TELEGRAM_SECRET_TOKEN", SECRET)
            env.setenv("TELEGRAM_API_BASE_URL", self.api.base_url)
            self.stack.start()
        self.calls_at_start = self.api.calls()
        return self

    def stop(self) -> None:
        self.stack.stop()
        self.api.stop()

    @property
    def webhook_url(self) -> str:
        return f"{self.stack.url}/webhooks/telegram/webhook"

    def post(self, update: Dict[str, Any], secret: Optional[str] = SECRET) -> requests.Response:
        """Posts the update and waits until Vigie has handled it (the webhook answers first)."""
        answer = self.post_only(update, secret)
        self.wait_idle()
        return answer

    def post_only(self, update: Dict[str, Any], secret: Optional[str] = SECRET) -> requests.Response:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        return requests.post(self.webhook_url, json=update, headers=headers, timeout=60)

    def pending(self) -> int:
        return requests.get(f"{self.stack.url}/webhooks/telegram/", timeout=10).json()["pending"]

    def wait_idle(self, timeout: float = 90) -> None:
        """Until every acknowledged update has been handled (its answers sent)."""
        deadline = time.monotonic() + timeout
        while self.pending():
            if time.monotonic() > deadline:
                raise TimeoutError("Telegram updates still pending")
            time.sleep(0.05)

    def user_texts(self, chat_id: int) -> List[str]:
        """What the conversation of this private chat holds from the user."""
        tracker = requests.get(f"{self.stack.url}/conversations/tg-{chat_id}/tracker",
                               timeout=10).json()
        return [e.get("text") for e in tracker.get("events", []) if e.get("event") == "user"]

    def log(self) -> str:
        return self.stack.rasa.output()
