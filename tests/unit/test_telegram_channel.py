"""The channel's pure parts: settings, Telegram's limits, retry decisions."""

import pytest
import rasa.shared.utils.io
from rasa.shared.exceptions import RasaException

from channels.telegram import (COUNTRY_BUTTONS, MAX_RETRY_AFTER_SECONDS, ApiReply,
                               TelegramSettings, chat_id_of, inline_keyboard,
                               retry_delay, sender_id, split_text, utf16_units)
from vigie import PROJECT_ROOT as ROOT
from vigie import directory
from tests.telegram.support import SECRET, TOKEN

TEST_CREDENTIALS = ROOT / "tests" / "telegram" / "credentials.yml"


# ---------- settings ----------

def test_without_a_token_the_channel_is_off_and_needs_nothing_else():
    assert not TelegramSettings.load(None, {}).enabled
    assert not TelegramSettings.load({}, {"TELEGRAM_SECRET_TOKEN": SECRET}).enabled


def test_settings_come_from_credentials_first_then_environment():
    environ = {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_SECRET_TOKEN": SECRET}
    from_env = TelegramSettings.load({}, environ)
    assert (from_env.token, from_env.secret_token) == (TOKEN, SECRET)
    assert from_env.api_base_url == "https://api.telegram.org"
    given = TelegramSettings.load({"secret_token": "other", "api_base_url": "http://h:8081/"},
                                  environ)
    assert (given.secret_token, given.api_base_url) == ("other", "http://h:8081")


@pytest.mark.parametrize("credentials", [
    {"token": TOKEN},                                  # no secret: anyone could post updates
    {"token": TOKEN, "secret_token": "with space"},
    {"token": "not a token", "secret_token": SECRET},
    {"token": "1:a/../../x", "secret_token": SECRET},   # would change the API path
    {"token": TOKEN, "secret_token": SECRET, "api_base_url": "ftp://x"},
])
def test_a_half_configured_channel_refuses_to_start(credentials):
    with pytest.raises(RasaException) as error:
        TelegramSettings.load(credentials, {})
    assert TOKEN not in str(error.value) and SECRET not in str(error.value)


def test_rasa_expands_environment_variables_in_a_credentials_file(monkeypatch):
    monkeypatch.setenv("TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_SECRET_TOKEN", SECRET)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081")
    credentials = rasa.shared.utils.io.read_config_file(TEST_CREDENTIALS)
    settings = TelegramSettings.load(credentials["channels.telegram.TelegramInput"], {})
    assert (settings.token, settings.secret_token) == (TOKEN, SECRET)


def test_rasa_refuses_an_unset_variable_hence_the_project_entry_has_none(monkeypatch):
    """Why credentials.yml lists the channel without ${...}: offline start must not need it."""
    monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)
    with pytest.raises(RasaException):
        rasa.shared.utils.io.read_config_file(TEST_CREDENTIALS)
    project = rasa.shared.utils.io.read_config_file(ROOT / "credentials.yml")
    assert project["channels.telegram.TelegramInput"] is None


# ---------- Telegram's limits ----------

def test_long_answers_are_split_within_4096_units_at_word_ends():
    text = " ".join(f"mot{i}" for i in range(2000))
    chunks = split_text(text)
    assert len(chunks) == 4 and all(3500 < utf16_units(c) <= 4096 for c in chunks[:-1])
    assert " ".join(chunks) == text   # cut between words, nothing lost


def test_emoji_count_twice_and_paragraph_ends_come_first():
    paragraph = "😢 " * 500   # 1500 UTF-16 units
    chunks = split_text("\n\n".join([paragraph.strip()] * 3))
    assert chunks == ["\n\n".join([paragraph.strip()] * 2), paragraph.strip()]
    assert utf16_units(chunks[0]) <= 4096 < len(chunks[0].encode("utf-16-le"))


def test_short_answer_is_one_message():
    assert split_text("  Salut  ") == ["Salut"]


def test_buttons_become_an_inline_keyboard_one_per_row():
    keyboard = inline_keyboard([{"title": "Qui appeler ?", "payload": "/contacts_aide"},
                                {"title": "Trop long", "payload": "/x" + "a" * 63}])
    assert keyboard == {"inline_keyboard": [[{"text": "Qui appeler ?",
                                              "callback_data": "/contacts_aide"}]]}
    assert inline_keyboard([]) is None


def test_there_is_a_country_button_for_each_country_of_the_directory():
    codes = directory.directory()["countries"]
    assert [b["payload"] for b in COUNTRY_BUTTONS] == [f'/informer_pays{{"pays":"{c}"}}' for c in codes]


# ---------- commands and identities ----------

def test_sender_is_the_private_chat():
    assert sender_id(7001001) == "tg-7001001" and chat_id_of("tg-7001001") == 7001001


# ---------- retries ----------

@pytest.mark.parametrize("reply, attempt, delay", [
    (ApiReply(False, status=429, retry_after=3), 1, 3),
    (ApiReply(False, status=429, retry_after=MAX_RETRY_AFTER_SECONDS + 1), 1, None),
    (ApiReply(False, status=502), 1, 0.5),
    (ApiReply(False, status=500), 3, 2.0),
    (ApiReply(False, status=None), 2, 1.0),        # network error
    (ApiReply(False, status=403), 1, None),        # blocked by the user
    (ApiReply(False, status=400), 1, None),
])
def test_retry_delay(reply, attempt, delay):
    assert retry_delay(reply, attempt) == delay
