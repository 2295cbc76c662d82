"""Every request the REST channel refuses or repairs (channels/rest.py), without a server;
tests/test_bad_input.py checks one case of each kind through the real server."""
import json

import pytest

from channels.rest import MAX_TEXT_CHARS, BadRequest, read_message

INTENTS = ["informer_pays", "effacer"]


def read(body):
    return read_message(body if isinstance(body, bytes) else json.dumps(body).encode(), INTENTS)


def refusal(body) -> BadRequest:
    with pytest.raises(BadRequest) as error:
        read(body)
    return error.value


@pytest.mark.parametrize("body", [
    b"", b"{\"sender\": \"x\", \"message\": ", b"ceci n'est pas du JSON", b"\xff\xfe\x00garbage",
    b"null", b"[]", b"\"salut\"", b"42", b"sender=x&message=salut",
], ids=["empty", "truncated", "text", "binary", "null", "array", "string", "number", "form"])
def test_malformed_body_is_refused_with_explanation(body):
    error = refusal(body)
    assert error.status == 400 and "objet JSON" in error.explanation


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
def test_missing_or_wrong_field_is_named(body, field):
    error = refusal(body)
    assert error.status == 400 and f"« {field} »" in error.explanation


@pytest.mark.parametrize("sender", [
    "x" * 100_000, "x" * 129, "", "   ", "a\u0000b", "a\nb", "\u200b", True, {"id": 1}, ["x"],
], ids=["100k", "129", "empty", "spaces", "nul", "newline", "zero-width", "bool", "object", "list"])
def test_unusable_sender_is_refused(sender):
    error = refusal({"sender": sender, "message": "salut"})
    assert error.status == 400 and "« sender »" in error.explanation


def test_megabyte_body_is_refused_as_too_large():
    assert refusal({"sender": "x" * 1_000_000, "message": "salut"}).status == 413


@pytest.mark.parametrize("sender", ["../../etc/passwd", "élève 🙂 'quote\" <b>", "x" * 128, "tracker:*"],
                         ids=["path", "unicode-quotes-markup", "128", "redis-pattern"])
def test_odd_but_printable_sender_is_kept_as_is(sender):
    assert read({"sender": sender, "message": "salut"})["sender"] == sender


def test_numeric_sender_is_kept_as_text():
    assert read({"sender": 123456, "message": "salut"})["sender"] == "123456"


@pytest.mark.parametrize("message, text", [
    ("<script>alert('vigie')</script>", ""),
    ("<p><b>on me menace</b></p>", "on me menace"),
    ("/on me harcèle", "on me harcèle"),
    ("/efface", "efface"),
    ('/informer_pays{"pays":"FR"}', '/informer_pays{"pays":"FR"}'),
    ("\ud83d", "?"),
], ids=["script", "markup", "slash-words", "slash-word", "button", "lone-surrogate"])
def test_text_is_repaired_before_rasa(message, text):
    assert read({"sender": "x", "message": message})["text"].strip() == text


def test_long_text_is_cut():
    assert len(read({"sender": "x", "message": "a" * 10_000})["text"]) == MAX_TEXT_CHARS
