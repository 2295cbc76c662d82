"""The webhook answers at once; the turn and the sends run after, in order within a chat, and
an update Telegram delivers twice is answered once (real Rasa, fake Bot API)."""
import os
import signal

from tests.telegram.support import load_update, new_chat

CHANTAGE = "quelqu'un menace de publier mes photos si je paie pas"
HELPLINES = "116 000"   # in the answer to CHANTAGE (Belgium, the default country)


def test_duplicate_update_is_acknowledged_and_answered_once(telegram):
    chat = new_chat()
    update = load_update("private_text", chat, text=CHANTAGE)
    assert telegram.post(update).status_code == 200
    answered = len(telegram.api.sent(chat))
    assert telegram.post(update).status_code == 200   # Telegram's re-delivery
    assert len(telegram.api.sent(chat)) == answered
    assert telegram.user_texts(chat) == [CHANTAGE]


def test_webhook_answers_before_a_slow_telegram_has_received_the_answer(telegram):
    chat = new_chat()
    telegram.api.hold(chat)   # every sendMessage to this chat hangs until released
    try:
        answer = telegram.post_only(load_update("private_text", chat, text=CHANTAGE))
        assert answer.status_code == 200
        assert telegram.api.sent(chat) == []   # acknowledged while the sends wait
    finally:
        telegram.api.release(chat)
    telegram.wait_idle()
    assert HELPLINES in telegram.api.text(chat)


def test_webhook_answers_while_rasa_is_still_busy_with_the_turn(telegram):
    chat = new_chat()
    actions = telegram.stack.actions.popen.pid
    os.kill(actions, signal.SIGSTOP)   # the turn waits for the action server
    try:
        answer = telegram.post_only(load_update("private_text", chat, text="qui je peux appeler ?"))
        assert answer.status_code == 200
        assert "Tu peux contacter" not in telegram.api.text(chat)   # the turn is not over
    finally:
        os.kill(actions, signal.SIGCONT)
    telegram.wait_idle()
    assert "Child Focus" in telegram.api.text(chat)   # the list, from the server or the backup


def test_one_chats_updates_are_handled_in_the_order_received(telegram):
    chat = new_chat()
    texts = ["je suis en France", CHANTAGE, "merci"]
    for text in texts:
        assert telegram.post_only(load_update("private_text", chat, text=text)).status_code == 200
    telegram.wait_idle()
    assert telegram.user_texts(chat) == texts
    sent = telegram.api.text(chat)
    assert sent.index("pour la France") < sent.index("ne paie pas") < sent.index("Avec plaisir")
