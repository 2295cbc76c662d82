"""Vigie's REST channel: Rasa's own (same URL /webhooks/rest/webhook, same answer format),
strict about what it accepts.

Rasa 3.6's RestInput answers 500 to an empty or non-object body, answers nothing (`[]`) to a
missing or non-text message, files every sender-less message under one shared "default"
conversation, and logs the user's text when a message fails. This channel answers 4xx with a
French explanation to malformed requests, always answers a well-formed one, and never logs
what the user wrote.
"""
import json
import logging
import re
import time
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.commands import typed_text
from vigie import metrics
from vigie.directory import emergency_anywhere
from vigie.text import MAX_MESSAGE_CHARS, is_invisible

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
MAX_SENDER_CHARS = 128
MAX_INPUT_CHANNEL_CHARS = 64
# the normaliser reads at most this much: keeping more would only grow the stored conversation
MAX_TEXT_CHARS = 2 * MAX_MESSAGE_CHARS

FAILURE_ANSWER = ("Désolé, je n'ai pas pu répondre à ton message. Réessaie dans un instant. "
                  f"En cas de danger, appelle tout de suite le {emergency_anywhere()}.")

_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[a-z][a-z0-9-]*(\s[^<>]*)?/?>", re.I)


class BadRequest(Exception):
    """A request the channel refuses, with its HTTP status and a French explanation."""

    def __init__(self, explanation: str, status: int = 400) -> None:
        super().__init__(explanation)
        self.explanation = explanation
        self.status = status


def parse_body(body: bytes) -> Dict[Text, Any]:
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest("Requête trop grande.", 413)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("Le corps de la requête doit être un objet JSON : "
                         '{"sender": "...", "message": "..."}.')
    if not isinstance(data, dict):
        raise BadRequest('Le corps de la requête doit être un objet JSON : '
                         '{"sender": "...", "message": "..."}.')
    return data


def valid_sender(value: Any) -> Text:
    """A conversation id: a short printable string (or integer). Never a shared default."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise BadRequest("Le champ « sender » (identifiant de conversation) est obligatoire.")
    sender = str(value)
    if not sender.strip() or len(sender) > MAX_SENDER_CHARS or any(map(is_invisible, sender)):
        raise BadRequest(f"Le champ « sender » doit faire de 1 à {MAX_SENDER_CHARS} caractères "
                         "imprimables.")
    return sender


def without_markup(text: str) -> str:
    """HTML is not something a teenager writes to Vigie: keep only the words around tags."""
    if "<" not in text:
        return text
    return _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", text))


def valid_text(value: Any, intents: Optional[Iterable[Text]]) -> Text:
    if not isinstance(value, str):
        raise BadRequest("Le champ « message » (texte) est obligatoire.")
    # lone surrogates cannot be stored or sent back as UTF-8
    text = value[:MAX_TEXT_CHARS].encode("utf-8", "replace").decode("utf-8")
    return typed_text(without_markup(text), payload_intents=intents)


def valid_metadata(value: Any) -> Optional[Dict[Text, Any]]:
    if value is not None and not isinstance(value, dict):
        raise BadRequest("Le champ « metadata » doit être un objet JSON.")
    return value


def read_message(body: bytes, intents: Optional[Iterable[Text]]) -> Dict[Text, Any]:
    """The fields of a webhook request, checked: text, sender, metadata and the raw data
    (raises BadRequest). `intents` are the domain's, to tell button payloads from words."""
    data = parse_body(body)
    return {"text": valid_text(data.get("message"), intents), "sender": valid_sender(data.get("sender")),
            "metadata": valid_metadata(data.get("metadata")), "data": data}


def bad_request(error: BadRequest) -> HTTPResponse:
    return response.json({"status": error.status, "reason": "BadRequest",
                          "message": error.explanation}, status=error.status)


def _domain_intents(request: Request) -> Optional[List[Text]]:
    agent = getattr(request.app.ctx, "agent", None)
    domain = getattr(agent, "domain", None)
    return domain.intents if domain else None


class RestInput(RasaRestInput):
    """Registered in credentials.yml as `channels.rest.RestInput`; its name stays "rest"."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _input_channel(self, data: Dict[Text, Any]) -> Text:
        value = data.get("input_channel")
        if isinstance(value, str) and 0 < len(value) <= MAX_INPUT_CHANNEL_CHARS:
            return value
        return self.name()

    def _user_message(self, request: Request, output_channel) -> UserMessage:
        fields = read_message(request.body, _domain_intents(request))
        return UserMessage(fields["text"], output_channel, fields["sender"],
                           input_channel=self._input_channel(fields["data"]), metadata=fields["metadata"])

    async def _answer(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      message: UserMessage) -> HTTPResponse:
        collector: CollectingOutputChannel = message.output_channel
        started = time.perf_counter()
        try:
            await on_new_message(message)
        except Exception as error:  # not CancelledError: a cancelled request must stay cancelled
            # the user's text stays out of the logs, even when something breaks
            logger.error("A REST message could not be handled (%s).", type(error).__name__)
            logger.debug("REST message failure", exc_info=True)
        metrics.observe_turn(message.input_channel, time.perf_counter() - started)
        if not collector.messages:
            metrics.turn_failed(message.input_channel)
            return response.json([{"recipient_id": message.sender_id, "text": FAILURE_ANSWER}])
        return response.json(collector.messages)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                message = self._user_message(request, CollectingOutputChannel())
            except BadRequest as error:
                return bad_request(error)
            if request.args.get("stream", "").lower() == "true":
                return response.stream(
                    self.stream_response(on_new_message, message.text, message.sender_id,
                                         message.input_channel, message.metadata),
                    content_type="text/event-stream")
            return await self._answer(on_new_message, message)

        return webhook
