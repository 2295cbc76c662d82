"""Bad input over the real REST server (channels/rest.py in front of Rasa): each gets a clear
answer or a 4xx with an explanation, never a 500, never nothing."""
import json
import uuid

import pytest
import requests

from tests.api_stack import shared_api_stack, stored_conversation, user_texts
from vigie.processes import texts

NOTHING_RECEIVED = "Je n'ai rien reçu"
FRENCH_ONLY = "Je parle seulement français"
BLACKMAIL_ADVICE = "ne paie pas"


@pytest.fixture(scope="module")
def stack(request):
    return shared_api_stack(request.config)


def new_sender() -> str:
    return "bad-" + uuid.uuid4().hex[:10]


def post(stack, body, headers=None) -> requests.Response:
    """POST to the webhook: a dict is sent as JSON, bytes or str as they are."""
    if isinstance(body, dict):
        body = json.dumps(body)
    return requests.post(f"{stack.url}/webhooks/rest/webhook", data=body, timeout=60,
                         headers=headers or {"Content-Type": "application/json"})


def answered(stack, message: str, sender: str = None) -> str:
    """Sends a message, checks it got a real answer for this sender, returns the texts."""
    sender = sender or new_sender()
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
    sender = new_sender()
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


# ---------- malformed requests ----------

@pytest.mark.parametrize("body", [
    b"",
    b"{\"sender\": \"x\", \"message\": ",
    b"ceci n'est pas du JSON",
    b"\xff\xfe\x00garbage",
    b"null",
    b"[]",
    b"\"salut\"",
    b"42",
], ids=["empty", "truncated", "text", "binary", "null", "array", "string", "number"])
def test_malformed_body_is_refused_with_explanation(stack, body):
    response = post(stack, body)
    assert response.status_code == 400
    assert "objet JSON" in response.json()["message"]


def test_form_encoded_body_is_refused(stack):
    response = post(stack, "sender=x&message=salut",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 400


@pytest.mark.parametrize("body,field", [
    ({"sender": "x"}, "message"),
    ({"sender": "x", "message": None}, "message"),
    ({"sender": "x", "message": 123}, "message"),
    ({"sender": "x", "message": ["salut"]}, "message"),
    ({"sender": "x", "message": {"text": "salut"}}, "message"),
    ({"message": "salut"}, "sender"),
    ({"sender": None, "message": "salut"}, "sender"),
    ({}, "message"),
    ({"sender": "x", "message": "salut", "metadata": "oops"}, "metadata"),
], ids=["no-message", "null-message", "number-message", "list-message", "object-message",
        "no-sender", "null-sender", "empty-object", "bad-metadata"])
def test_missing_or_wrong_field_is_named(stack, body, field):
    response = post(stack, body)
    assert response.status_code == 400
    assert f"« {field} »" in response.json()["message"]


def test_get_on_webhook_is_refused(stack):
    assert requests.get(f"{stack.url}/webhooks/rest/webhook", timeout=10).status_code == 405


# ---------- sender ids ----------

@pytest.mark.parametrize("sender", [
    "x" * 100_000,
    "x" * 129,
    "",
    "   ",
    "a\u0000b",
    "a\nb",
    "\u200b",
    True,
    {"id": 1},
    ["x"],
], ids=["100k", "129", "empty", "spaces", "nul", "newline", "zero-width", "bool", "object",
        "list"])
def test_unusable_sender_is_refused(stack, sender):
    response = post(stack, {"sender": sender, "message": "salut"})
    assert response.status_code == 400
    assert "« sender »" in response.json()["message"]


def test_megabyte_body_is_refused_as_too_large(stack):
    response = post(stack, {"sender": "x" * 1_000_000, "message": "salut"})
    assert response.status_code == 413


@pytest.mark.parametrize("sender", [
    "../../etc/passwd",
    "élève 🙂 'quote\" <b>",
    "x" * 128,
    "tracker:*",
], ids=["path", "unicode-quotes-markup", "128", "redis-pattern"])
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
