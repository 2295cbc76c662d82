"""Fixtures of the widget's browser tests: one real bot, one demo server and one Chromium for
this package; a fresh browser context (empty storage) for every test. Package scope, not
session: sync Playwright keeps an event loop running, which later tests' asyncio.run() refuse."""
import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.harness import bot_for, widget_server
from tooling.browser import launch_chromium
from tooling.processes import free_port

expect.set_options(timeout=20_000)  # the first answers of a cold Rasa can take seconds


@pytest.fixture(scope="package")
def widget_port() -> int:
    return free_port()


@pytest.fixture(scope="package")
def bot(widget_port):
    servers = bot_for(f"http://127.0.0.1:{widget_port}").start()
    yield servers
    servers.stop()


@pytest.fixture(scope="package")
def demo_url(bot, widget_port) -> str:
    server = widget_server(bot.url, widget_port).start()
    yield server.url
    server.stop()


@pytest.fixture(scope="package")
def browser():
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
