"""End to end: real Telegram updates posted to the real Rasa server's webhook; what Vigie did
is read from the fake Telegram Bot API (loopback) and from Rasa's trackers."""
import pytest
import requests

from channels.telegram import (COUNTRY_BUTTONS, ERASE_NOTE, MEDIA_REFUSAL, PERSONAL_REFUSAL,
                               PRIVATE_ONLY)
from tests.telegram.fake_api import Failure
from tests.telegram.support import SECRET, SECRET_HEADER, TOKEN, load_update, new_chat

CHANTAGE = "quelqu'un menace de publier mes photos si je paie pas"
CHANTAGE_BUTTONS = ["/deja_paye", "/delai", "/deja_renvoye", "/retirer_images", "/fausse_image", "/porter_plainte"]


def payloads(keyboard):
    return [button["callback_data"] for button in keyboard]


def test_starts_without_calling_telegram(telegram):
    assert telegram.calls_at_start == []
    health = requests.get(f"{telegram.stack.url}/webhooks/telegram/", timeout=5)
    assert health.json() == {"status": "ok", "pending": 0}


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + "x", SECRET.upper()])
def test_update_without_the_right_secret_is_refused(telegram, secret):
    chat = new_chat()
    answer = telegram.post(load_update("private_text", chat), secret=secret)
    assert answer.status_code == 403
    assert telegram.api.attempts(chat) == []
    assert telegram.user_texts(chat) == []   # nothing reached the bot


def test_chantage_message_gets_the_sextortion_answer_with_buttons(telegram):
    chat = new_chat()
    assert telegram.post(load_update("private_text", chat, text=CHANTAGE)).status_code == 200
    text = telegram.api.text(chat)
    assert "ne paie pas" in text and "116 000" in text
    # the last keyboard is the answer's (a second situation named may be offered before it)
    assert [payloads(k) for k in telegram.api.keyboards(chat)][-1] == CHANTAGE_BUTTONS
    assert telegram.user_texts(chat) == [CHANTAGE]   # one conversation per private chat
    assert not telegram.api.calls("getMe")


def test_start_gives_welcome_bot_notice_and_country_buttons(telegram):
    chat = new_chat()
    telegram.post(load_update("command_start", chat))
    messages = telegram.api.sent(chat)
    assert "robot, pas une personne" in messages[0]["text"]
    scenarios, countries = telegram.api.keyboards(chat)
    assert "/chantage" in payloads(scenarios)
    assert payloads(countries) == [b["payload"] for b in COUNTRY_BUTTONS]
    assert [b["text"] for b in countries] == ["Belgique", "France", "Suisse", "Québec/Canada",
                                              "Luxembourg"]
    assert telegram.user_texts(chat) == ["/saluer"]   # never Telegram's "/start"


def test_country_button_is_answered_and_changes_the_numbers(telegram):
    chat = new_chat()
    query = load_update("callback_query", chat, data='/informer_pays{"pays":"FR"}')
    assert telegram.post(query).status_code == 200
    answered = [c.params for c in telegram.api.calls("answerCallbackQuery")]
    assert {"callback_query_id": query["callback_query"]["id"]} in answered
    assert "pour la France" in telegram.api.text(chat)

    telegram.post(load_update("private_text", chat, text=CHANTAGE))
    text = telegram.api.text(chat)
    assert "en France" in text and "116 000" not in text


def test_callback_with_data_that_is_not_a_button_payload_is_only_acknowledged(telegram):
    chat = new_chat()
    query = load_update("callback_query", chat, data="rm -rf / ; /effacer")
    telegram.post(query)
    assert {"callback_query_id": query["callback_query"]["id"]} in [
        c.params for c in telegram.api.calls("answerCallbackQuery")]
    assert telegram.api.attempts(chat) == [] and telegram.user_texts(chat) == []


def test_edited_message_is_answered_again(telegram):
    chat = new_chat()
    telegram.post(load_update("edited_message", chat))
    assert "116 000" in telegram.api.text(chat)


@pytest.mark.parametrize("kind", ["photo", "sticker", "voice", "document"])
def test_media_is_refused_never_fetched_nor_stored(telegram, kind):
    chat = new_chat()
    assert telegram.post(load_update(kind, chat)).status_code == 200
    assert [m["text"] for m in telegram.api.sent(chat)] == [MEDIA_REFUSAL]
    assert not telegram.api.calls("getFile")
    assert telegram.user_texts(chat) == []


def test_caption_of_a_photo_is_read_as_text_after_the_refusal(telegram):
    chat = new_chat()
    telegram.post(load_update("photo", chat, caption=CHANTAGE))
    messages = [m["text"] for m in telegram.api.sent(chat)]
    assert messages[0] == MEDIA_REFUSAL and "116 000" in "\n".join(messages[1:])
    assert telegram.user_texts(chat) == [CHANTAGE]


def test_location_gets_a_privacy_answer_and_is_not_stored(telegram):
    chat = new_chat()
    telegram.post(load_update("location", chat))
    assert [m["text"] for m in telegram.api.sent(chat)] == [PERSONAL_REFUSAL]
    assert telegram.user_texts(chat) == []


@pytest.mark.parametrize("name", ["group_message", "group_reply_to_vigie",
                                  "my_chat_member_group", "my_chat_member_channel"])
def test_groups_and_channels_get_one_private_only_note(telegram, name):
    group = -1001000000000 - new_chat()
    update = load_update(name, group)
    assert telegram.post(update).status_code == 200
    assert telegram.api.sent(group) == [{"chat_id": group, "text": PRIVATE_ONLY}]
    assert telegram.user_texts(group) == []
    member = update.get("message", {}).get("from", {}).get("id")
    assert member is None or telegram.user_texts(member) == []


@pytest.mark.parametrize("name", [
    "group_chatter",            # not for Vigie: in a group where it is admin it sees everything
    "group_service_message", "channel_post", "my_chat_member_blocked", "message_reaction"])
def test_chatter_service_blocking_and_unknown_updates_are_ignored(telegram, name):
    chat = new_chat()
    update = load_update(name, chat if "group" not in name else -1002000000000 - chat)
    calls_before = len(telegram.api.calls())
    assert telegram.post(update).status_code == 200
    assert len(telegram.api.calls()) == calls_before   # no call to Telegram at all
def test_update_that_is_not_json_is_rejected(telegram):
    answer = requests.post(telegram.webhook_url, data=b"\x00not json",
                           headers={SECRET_HEADER: SECRET}, timeout=10)
    assert answer.status_code == 400


def test_efface_erases_the_conversation(telegram):
    chat = new_chat()
    telegram.post(load_update("private_text", chat, text=CHANTAGE))
    assert telegram.user_texts(chat) == [CHANTAGE]
    telegram.post(load_update("command_start", chat, text="/efface@VigieBot"))
    texts = [m["text"] for m in telegram.api.sent(chat)]
    assert "conversation est effacée" in texts[-2] and texts[-1] == ERASE_NOTE
    assert telegram.user_texts(chat) == []


def test_typed_command_reaches_rasa_as_words_not_as_an_intent(telegram):
    chat = new_chat()
    telegram.post(load_update("private_text", chat, text='/informer_pays{"pays":"CH"}'))
    telegram.post(load_update("private_text", chat, text="/aide"))
    assert telegram.user_texts(chat) == ['informer_pays{"pays":"CH"}', "aide"]
    assert "pour la Suisse" not in telegram.api.text(chat)


def test_rate_limit_is_retried_after_telegrams_delay(telegram):
    chat = new_chat()
    telegram.api.fail_next("sendMessage", chat,
                           Failure(429, "Too Many Requests: retry after 1", retry_after=1))
    telegram.post(load_update("private_text", chat, text=CHANTAGE))
    first, second = telegram.api.attempts(chat)[:2]
    assert (first.status, second.status) == (429, 200)
    assert first.params == second.params and second.at - first.at >= 1.0
    assert "116 000" in telegram.api.text(chat)


def test_server_errors_are_retried_with_backoff(telegram):
    chat = new_chat()
    telegram.api.fail_next("sendMessage", chat, Failure(502, "Bad Gateway"),
                           Failure(500, "Internal Server Error"))
    telegram.post(load_update("private_text", chat, text=CHANTAGE))
    tries = telegram.api.attempts(chat)[:3]
    assert [t.status for t in tries] == [502, 500, 200]
    assert tries[1].at - tries[0].at >= 0.5 and tries[2].at - tries[1].at >= 1.0
    assert "116 000" in telegram.api.text(chat)


def test_blocked_user_is_not_retried(telegram):
    chat = new_chat()
    telegram.api.fail_next("sendMessage", chat,
                           Failure(403, "Forbidden: bot was blocked by the user"))
    # post() returns once the channel's queue is idle (support.wait_idle): no retry can come later
    assert telegram.post(load_update("private_text", chat, text=CHANTAGE)).status_code == 200
    first, *others = telegram.api.attempts(chat)
    assert first.status == 403
    assert first.params["text"] not in [a.params["text"] for a in others]   # never tried again


def test_logs_hold_no_message_text_and_no_secret(telegram):
    chat = new_chat()
    secret_story = "zorglub menace de publier mes photos de vacances"
    telegram.api.fail_next("sendMessage", chat, Failure(500, "Internal Server Error"))
    telegram.post(load_update("private_text", chat, text=secret_story))
    telegram.post(load_update("photo", chat, caption="zorglub encore"))
    telegram.post(load_update("private_text", chat), secret="wrong")
    log = telegram.log()
    assert "Telegram sendMessage failed" in log   # the retry was logged...
    for private in ("zorglub", "ne paie pas", "116 000", MEDIA_REFUSAL[:30], TOKEN, SECRET,
                    "AgACAgQAAxkBAAIBZ2V0ZXN0cGhvdG8", str(chat)):
        assert private not in log   # ...without what was said, the secrets or the chat
