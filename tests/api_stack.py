"""One Vigie stack with the HTTP API on behind a token, shared by the bad-input, fault and
privacy tests so that the model is loaded once: the API lets a test read the server's own
copy of a conversation (the tracker store), the way an operator could."""
from typing import Optional
from urllib.parse import quote

import requests

from tooling.processes import Stack

TOKEN = "jeton-de-test-vigie"
_stack: Optional[Stack] = None


def shared_api_stack(config) -> Stack:
    """Started on first use, stopped when the pytest session ends (`config.add_cleanup`)."""
    global _stack
    if _stack is None:
        # the actions through the action server: the fault tests stop it
        _stack = Stack(extra=["--enable-api", "--auth-token", TOKEN], actions_in_process=False).start()
        config.add_cleanup(_stop)
    return _stack


def _stop() -> None:
    global _stack
    if _stack is not None:
        _stack.stop()
        _stack = None


def stored_conversation(stack: Stack, sender: str) -> Optional[dict]:
    """The conversation as the tracker store holds it, or None when the store has none.
    /story checks that the conversation exists without creating it (/tracker would)."""
    path = f"{stack.url}/conversations/{quote(sender, safe='')}"
    exists = requests.get(f"{path}/story",
                          params={"token": TOKEN}, timeout=10)
    if exists.status_code == 404:
        return None
    exists.raise_for_status()
    tracker = requests.get(f"{path}/tracker",
                           params={"token": TOKEN}, timeout=10)
    tracker.raise_for_status()
    return tracker.json()


def user_texts(tracker: dict) -> list:
    return [event.get("text") for event in tracker["events"] if event["event"] == "user"]
