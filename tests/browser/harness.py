"""Real servers for the widget's browser tests and its screenshot (Chromium: tooling/browser.py):
Rasa + actions (tooling/processes.py) with CORS open to the demo page only, and widget/serve.py."""
from pathlib import Path
from typing import Optional

from tooling.processes import PYTHON, Process, Stack, free_port

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"


def widget_server(server_url: str, port: Optional[int] = None) -> Process:
    """widget/serve.py on a free loopback port, pointed at `server_url`."""
    port = port or free_port()
    return Process([PYTHON, "widget/serve.py", "--port", str(port), "--server", server_url],
                   f"http://127.0.0.1:{port}/")


def bot_for(widget_url: str) -> Stack:
    """Rasa accepting browsers from the widget's origin only, as `make run` does. The HTTP API
    is on so that tests can read the server's copy of a conversation (erased or not)."""
    return Stack(extra=["--enable-api", "--cors", widget_url.rstrip("/")])


def axe_source() -> str:
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: make widget-deps (npm ci in tests/browser)")
    return AXE.read_text(encoding="utf-8")


# ---------- driving the widget like a teen would ----------

def bot_messages(page):
    return page.locator(".vigie-msg--bot, .vigie-msg--error")


def open_chat(page, url: str) -> str:
    """Opens the page and the widget; returns the welcome text once it is shown."""
    page.goto(url)
    page.get_by_role("button", name="Parler à Vigie").click()
    return wait_for_answer(page, 0)


def wait_for_answer(page, seen: int) -> str:
    """Text of the bot messages after the first `seen` ones, once the answer is complete."""
    from playwright.sync_api import expect

    expect(bot_messages(page)).not_to_have_count(seen)
    expect(page.locator(".vigie-typing")).to_have_count(0)
    # The widget keeps French spacing with no-break spaces; tests compare plain text.
    return "\n".join(bot_messages(page).all_inner_texts()[seen:]).replace("\xa0", " ")


def say(page, text: str) -> str:
    """Types a message, sends it with Enter and returns the bot's answer."""
    seen = bot_messages(page).count()
    page.get_by_label("Ton message à Vigie").fill(text)
    page.get_by_label("Ton message à Vigie").press("Enter")
    return wait_for_answer(page, seen)


def choose(page, title: str) -> str:
    """Clicks the quick reply `title` and returns the bot's answer."""
    seen = bot_messages(page).count()
    page.locator(".vigie-reply", has_text=title).last.click()
    return wait_for_answer(page, seen)
