"""Bad input over the real REST server (channels/rest.py in front of Rasa): each gets a clear
answer or a 4xx with an explanation, never a 500, never nothing."""
import json
import uuid

import pytest
import requests

from tests.api_stack import shared_api_stack, stored_conversation, user_texts
from tooling.processes import new_sender, texts

NOTHING_RECEIVED = "Je n'ai rien reçu"
FRENCH_ONLY = "Je parle seulement français"
BLACKMAIL_ADVICE = "ne paie pas"


@pytest.fixture(scope="module")
def stack(request):
    return shared_api_stack(request.config)


def post(stack, body, headers=None) -> requests.Response:
    """POST to the webhook: a dict is sent as JSON, bytes or str as they are."""
    if isinstance(body, dict):
        body = json.dumps(body)
    return requests.post(f"{stack.url}/webhooks/rest/webhook", data=body, timeout=60,
                         headers=headers or {"Content-Type": "application/json"})


def answered(stack, message: str, sender: str = None) -> str:
    """Sends a message, checks it got a real answer for this sender, returns the texts."""
    sender = sender or new_sender("bad")
    response = post(stack, {"sender": sender, "message": message})
    assert response.status_code == 200, response.text
    answers = response.json()
    assert answers and all(a["recipient_id"] == sender for a in answers)
    assert texts(answers).strip(), "an answer with words"
    return texts(answers)


# ---------- messages without words ----------

@pytest.mark.parametrize("message", [
    "",
    "   \n\t  ",
    "😀🙏🔥",
    "\u200b\u200c\u200d\ufeff",         # zero-width characters
    "\x00\x07\x08\x1b\x7f",            # control characters
    "\ud83d",                          # lone surrogate: not even valid Unicode
], ids=["empty", "whitespace", "emoji", "zero-width", "control", "lone-surrogate"])
def test_wordless_message_gets_asked_to_write(stack, message):
    assert NOTHING_RECEIVED in answered(stack, message)


def test_invisible_characters_inside_words_do_not_hide_danger(stack):
    text = answered(stack, "on me\u200b menace de pub\u00adlier mes photos\u200d si je paie pas\x07")
    assert BLACKMAIL_ADVICE in text


# ---------- very long messages ----------

def test_ten_thousand_characters_are_cut_then_answered(stack):
    sender = new_sender("bad")
    message = "quelqu'un menace de publier mes photos si je paie pas. "
    message += "x" * (10_000 - len(message))
    assert BLACKMAIL_ADVICE in answered(stack, message, sender)
    stored = user_texts(stored_conversation(stack, sender))
    assert len(stored) == 1 and 0 < len(stored[0]) <= 2_000, "cut before Rasa keeps it"


def test_ten_thousand_emoji_are_answered(stack):
    assert NOTHING_RECEIVED in answered(stack, "😀" * 10_000)


# ---------- markup ----------

@pytest.mark.parametrize("message", [
    "<script>alert('vigie')</script>",
    "<img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
], ids=["script", "img-onerror", "style"])
def test_markup_alone_counts_as_no_words(stack, message):
    text = answered(stack, message)
    assert NOTHING_RECEIVED in text
    assert "<" not in text, "the user's markup is never sent back"


def test_words_inside_markup_are_understood(stack):
    text = answered(stack, "<p><b>quelqu'un menace de publier mes photos</b></p>")
    assert BLACKMAIL_ADVICE in text


# ---------- other languages ----------

@pytest.mark.parametrize("message", [
    "Hello, someone is threatening to post my pictures, what should I do?",
    "Hallo, iemand dreigt mijn foto's online te zetten, wat moet ik doen?",
], ids=["english", "dutch"])
def test_other_language_gets_french_answer_with_helpline(stack, message):
    text = answered(stack, message)
    assert FRENCH_ONLY in text
    assert "116 000" in text, "the Belgian helpline (default country), not only 112"


# ---------- commands that are not buttons ----------

def test_slash_text_is_read_as_words(stack):
    assert "Tu n'as pas à répondre" in answered(stack, "/on me harcèle au collège")


def test_button_payloads_still_work(stack):
    assert "pour la France" in answered(stack, '/informer_pays{"pays":"FR"}')


# ---------- refused requests (every case: tests/unit/test_rest_validation.py) ----------

@pytest.mark.parametrize("body, status, words", [
    (b"ceci n'est pas du JSON", 400, "objet JSON"),
    ({"sender": "x", "message": 123}, 400, "« message »"),
    ({"sender": "a\nb", "message": "salut"}, 400, "« sender »"),
    ({"sender": "x" * 1_000_000, "message": "salut"}, 413, "trop grande"),
], ids=["not-json", "bad-field", "bad-sender", "too-large"])
def test_refused_request_gets_status_and_french_explanation(stack, body, status, words):
    response = post(stack, body)
    assert response.status_code == status
    assert response.json()["status"] == status and words in response.json()["message"]


def test_get_on_webhook_is_refused(stack):
    assert requests.get(f"{stack.url}/webhooks/rest/webhook", timeout=10).status_code == 405


# ---------- sender ids ----------

@pytest.mark.parametrize("sender", [
    "../../etc/passwd",
    "tracker:*",
], ids=["path", "redis-pattern"])
def test_odd_but_printable_sender_gets_its_own_conversation(stack, sender):
    answered(stack, "je suis en Suisse", sender)
    assert "Appelle le 117" in answered(stack, "un homme me suit dans la rue", sender)
    assert "police au 101" in answered(stack, "un homme me suit dans la rue"), \
        "another sender has its own conversation"


def test_numeric_sender_is_kept_as_text(stack):
    number = uuid.uuid4().int % 10**12
    response = post(stack, {"sender": number, "message": "salut"})
    assert response.status_code == 200
    assert response.json()[0]["recipient_id"] == str(number)
