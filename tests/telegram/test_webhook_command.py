"""`make telegram-webhook` against the fake Telegram Bot API (no Rasa needed)."""
import subprocess

import pytest

from channels.telegram import ALLOWED_UPDATES
from scripts import telegram_webhook
from tooling.processes import ROOT, env
from tests.telegram.fake_api import FakeTelegramApi
from tests.telegram.support import SECRET, TOKEN

PUBLIC_URL = "https://vigie.example.org"


@pytest.fixture()
def api():
    fake = FakeTelegramApi(TOKEN).start()
    yield fake
    fake.stop()


def make(target: str, **variables: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in env().items() if not k.startswith("TELEGRAM_")}
    environment.update(variables)
    return subprocess.run(["make", "-s", target], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=60)


def test_registration_sends_the_secret_token_and_the_webhook_url(api):
    done = make("telegram-webhook", TELEGRAM_TOKEN=TOKEN, TELEGRAM_SECRET_TOKEN=SECRET,
                TELEGRAM_API_BASE_URL=api.base_url, TELEGRAM_WEBHOOK_URL=PUBLIC_URL)
    assert done.returncode == 0, done.stderr
    assert "Webhook was set" in done.stdout
    [registration] = [c.params for c in api.calls("setWebhook")]
    assert registration["secret_token"] == SECRET
    assert registration["url"] == PUBLIC_URL + "/webhooks/telegram/webhook"
    assert registration["allowed_updates"] == ALLOWED_UPDATES
    assert TOKEN not in done.stdout + done.stderr and SECRET not in done.stdout + done.stderr

    info = make("telegram-webhook-info", TELEGRAM_TOKEN=TOKEN, TELEGRAM_SECRET_TOKEN=SECRET,
                TELEGRAM_API_BASE_URL=api.base_url)
    assert f"url: {PUBLIC_URL}/webhooks/telegram/webhook" in info.stdout


# The refusals below run the same command in-process: a subprocess costs seconds of imports.

@pytest.fixture()
def settings(monkeypatch, api):
    monkeypatch.setenv("TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_SECRET_TOKEN", SECRET)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.base_url)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", PUBLIC_URL)
    return monkeypatch


@pytest.mark.parametrize("secret", ["", "not secret!", "x" * 257])
def test_registration_without_a_valid_secret_calls_nothing(api, settings, secret, capsys):
    settings.setenv("TELEGRAM_SECRET_TOKEN", secret)
    assert telegram_webhook.main([]) == telegram_webhook.USAGE_ERROR
    assert "TELEGRAM_SECRET_TOKEN" in capsys.readouterr().err
    assert api.calls() == []


def test_registration_refuses_a_plain_http_url_for_telegram(settings, capsys):
    settings.delenv("TELEGRAM_API_BASE_URL")   # api.telegram.org, never reached: checked first
    settings.setenv("TELEGRAM_WEBHOOK_URL", "http://vigie.example.org")
    assert telegram_webhook.main([]) == telegram_webhook.USAGE_ERROR
    assert "https://" in capsys.readouterr().err


def test_telegram_error_is_reported_without_the_token(api, settings, capsys):
    settings.setenv("TELEGRAM_TOKEN", "999:wrong-token")
    assert telegram_webhook.main([]) == 1
    output = capsys.readouterr()
    assert "Unauthorized" in output.err and "999:wrong-token" not in output.out + output.err


def test_delete_removes_the_webhook(api, settings):
    assert telegram_webhook.main(["--delete"]) == 0
    assert [c.method for c in api.calls()] == ["deleteWebhook"]


@pytest.mark.parametrize("given, expected", [
    ("https://vigie.example.org", "https://vigie.example.org/webhooks/telegram/webhook"),
    ("https://vigie.example.org/", "https://vigie.example.org/webhooks/telegram/webhook"),
    ("https://example.org/vigie/hook", "https://example.org/vigie/hook"),
])
def test_webhook_url_gets_the_channel_path_when_only_the_host_is_given(given, expected):
    assert telegram_webhook.webhook_url(given) == expected
