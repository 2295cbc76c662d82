"""Vigie on Telegram: a Rasa input channel for the Bot API webhook, without aiogram.

Why not Rasa's own connector: it calls Telegram at start-up, breaks its event loop, crashes on
updates without `message`, trusts any caller and would mix a group's members into one
conversation. This channel:
- never calls Telegram at import or start (`make telegram-webhook` registers the webhook);
- accepts an update only with the secret token Telegram was given (403 otherwise);
- talks in private chats only: the sender id is the private chat ("tg-<chat id>");
- never downloads media, and never logs message text (nor the token);
- answers the webhook at once: the update is checked, queued, and acknowledged with 200; the
  turn and the sendMessage calls run after (`UpdateQueue`), in order within a chat. Telegram
  waits for that 200 before sending the chat's next update, and sends an update again when the
  answer is slow; an update_id already seen is acknowledged and ignored.

Settings come from credentials.yml, each falling back to an environment variable, so the
project's credentials.yml lists the channel without secrets; without a token it stays off.
"""
import asyncio
import hmac
import json
import logging
import os
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Hashable, List, Mapping, Optional, Set, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.commands import typed_text
from vigie import metrics
from vigie.directory import emergency_anywhere
from vigie.domain_files import domain_yaml

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://api.telegram.org"
ENV_VARS = {"token": "TELEGRAM_TOKEN", "secret_token": "TELEGRAM_SECRET_TOKEN",
            "api_base_url": "TELEGRAM_API_BASE_URL"}
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# The update types Vigie reacts to (given to setWebhook; any other type is still answered 200).
# Not channel_post: in a channel Vigie would answer every post; it speaks once, when added.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]

SENDER_PREFIX = "tg-"
MAX_TEXT_UNITS = 4096          # Telegram's limit, counted in UTF-16 code units
MAX_CALLBACK_DATA_BYTES = 64   # Telegram's limit for an inline button's callback_data

MAX_ATTEMPTS = 4
BACKOFF_SECONDS = 0.5          # then 1 s, 2 s
MAX_RETRY_AFTER_SECONDS = 30   # longer would hold Telegram's webhook call, and the next updates
REQUEST_TIMEOUT_SECONDS = 10
SEEN_UPDATES = 10_000          # update_ids remembered to ignore Telegram's re-deliveries
STOP_GRACE_SECONDS = 20        # a normal stop first finishes the queued updates

TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")   # what setWebhook accepts
BUTTON_PAYLOAD = re.compile(r'^/[a-z_]+(\{[^{}]*\})?$')    # '/intent' or '/intent{"slot":"value"}'
# Telegram commands -> Rasa payloads. Any other "/word" reaches Rasa as plain text, never as
# an intent name.
COMMANDS = {"start": "/saluer", "efface": "/effacer"}
MEDIA_KINDS = ("photo", "video", "video_note", "animation", "sticker", "voice", "audio",
               "document", "story", "paid_media")
PERSONAL_KINDS = ("contact", "location", "venue")


def _country_buttons() -> List[Dict[Text, Text]]:
    """The country buttons of the domain's `utter_pays_ok` (its variant without condition)."""
    variants = domain_yaml()["responses"]["utter_pays_ok"]
    return next(v["buttons"] for v in variants if "condition" not in v)


COUNTRY_BUTTONS = _country_buttons()

COUNTRY_PROMPT = "Tu es dans quel pays ? Choisis, et je te donnerai les bons numéros :"
PRIVATE_ONLY = ("Je réponds seulement en message privé : ce que tu vis ne regarde pas tout "
                "le groupe. Ouvre une discussion privée avec moi pour m'écrire.")
MEDIA_REFUSAL = ("Je lis seulement les messages écrits : je n'ouvre pas les photos, vidéos, "
                 "vocaux, stickers ou fichiers, et je ne les garde pas. Ne m'envoie pas "
                 "d'images, surtout pas d'images intimes. Si tu en as envoyé une par erreur, "
                 "supprime-la : appui long sur le message, puis Supprimer. Raconte-moi plutôt "
                 "avec des mots ce qui se passe.")
PERSONAL_REFUSAL = ("Je n'ai pas besoin de ta position ni de ton numéro, et je ne les garde pas. "
                    "Ne les donne pas à quelqu'un que tu n'as jamais vu en vrai. Raconte-moi "
                    "plutôt avec des mots ce qui se passe.")
ERASE_NOTE = ("Sur Telegram, nos messages restent affichés dans ton appli : pour les faire "
              "disparaître aussi, supprime la discussion avec moi.")
FAILURE_TEXT = ("Oups, j'ai un souci technique et je n'ai pas pu te répondre. Réessaie dans "
                f"un moment. En cas de danger, appelle le {emergency_anywhere()}.")


# ---------- settings ----------

@dataclass(frozen=True)
class TelegramSettings:
    token: str = ""
    secret_token: str = ""
    api_base_url: str = DEFAULT_API_BASE_URL

    @property
    def enabled(self) -> bool:
        return bool(self.token)

    @property
    def bot_id(self) -> int:
        """Telegram tokens start with the bot's user id: no getMe needed."""
        return int(self.token.split(":")[0]) if self.enabled else 0

    @classmethod
    def load(cls, credentials: Optional[Mapping[Text, Any]],
             environ: Mapping[str, str] = os.environ) -> "TelegramSettings":
        """credentials.yml values first, then the TELEGRAM_* environment variables."""
        def value(key: str) -> str:
            given = (credentials or {}).get(key)
            return str(given if given not in (None, "") else environ.get(ENV_VARS[key], "")).strip()

        base_url = value("api_base_url").rstrip("/") or DEFAULT_API_BASE_URL
        settings = cls(value("token"), value("secret_token"), base_url)
        settings.validate()
        return settings

    def validate(self) -> None:
        """Fail at start-up, not on the first update; messages never quote the secrets."""
        if not self.enabled:
            return
        if not TOKEN_PATTERN.match(self.token):
            raise RasaException("Telegram: the bot token does not look like '123456:ABC-...' "
                                f"(check {ENV_VARS['token']}).")
        if not SECRET_PATTERN.match(self.secret_token):
            raise RasaException(
                f"Telegram: {ENV_VARS['secret_token']} must be 1-256 characters among A-Z a-z "
                "0-9 _ - ; without it anyone could post fake updates to the webhook.")
        if not re.match(r"^https?://[^/\s]+(/\S*)?$", self.api_base_url):
            raise RasaException(f"Telegram: {ENV_VARS['api_base_url']} must be an http(s) URL.")


# ---------- Bot API client ----------

@dataclass
class ApiReply:
    ok: bool
    result: Any = None
    status: Optional[int] = None     # None when Telegram could not be reached
    description: str = ""
    retry_after: Optional[float] = None


class TelegramApi:
    """Bot API calls with retries: backoff on network errors and 5xx, Telegram's own wait on
    429, no retry on other errors (a 403 means the user blocked Vigie)."""

    def __init__(self, token: str, base_url: str = DEFAULT_API_BASE_URL) -> None:
        self._token = token
        self.base_url = base_url.rstrip("/")
        self._session: Optional[aiohttp.ClientSession] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    async def call(self, method: str, payload: Dict[str, Any]) -> ApiReply:
        attempt = 1
        while True:
            reply = await self._post(method, payload)
            if reply.ok:
                return reply
            delay = retry_delay(reply, attempt) if attempt < MAX_ATTEMPTS else None
            logger.warning("Telegram %s failed (%s %s), attempt %d of %d%s.", method,
                           reply.status or "network", reply.description[:120], attempt,
                           MAX_ATTEMPTS, "" if delay is None else f", retrying in {delay:g} s")
            if delay is None:
                return reply
            await asyncio.sleep(delay)
            attempt += 1

    async def _post(self, method: str, payload: Dict[str, Any]) -> ApiReply:
        url = f"{self.base_url}/bot{self._token}/{method}"
        try:
            async with self._client().post(url, json=payload) as http_response:
                body = await _json_or_empty(http_response)
                return ApiReply(bool(body.get("ok")), body.get("result"), http_response.status,
                                str(body.get("description", "")),
                                (body.get("parameters") or {}).get("retry_after"))
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            # only the class name: aiohttp's messages may contain the URL, hence the token
            return ApiReply(False, description=type(error).__name__)

    def _client(self) -> aiohttp.ClientSession:
        """One session per event loop, created on first use: nothing runs at import or start."""
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
            self._session, self._loop = aiohttp.ClientSession(timeout=timeout), loop
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


async def _json_or_empty(http_response: aiohttp.ClientResponse) -> Dict[str, Any]:
    try:
        body = await http_response.json(content_type=None)
    except (ValueError, aiohttp.ContentTypeError):
        return {}
    return body if isinstance(body, dict) else {}


def retry_delay(reply: ApiReply, attempt: int) -> Optional[float]:
    """Seconds to wait before trying again, or None when retrying cannot help."""
    if reply.status == 429:
        wait = float(reply.retry_after or BACKOFF_SECONDS)
        return wait if wait <= MAX_RETRY_AFTER_SECONDS else None
    if reply.status is None or reply.status >= 500:
        return BACKOFF_SECONDS * 2 ** (attempt - 1)
    return None


# ---------- formatting ----------

def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """Length of the longest prefix of `text` within `limit` UTF-16 units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = MAX_TEXT_UNITS) -> List[str]:
    """Chunks within Telegram's limit, cut at a paragraph, line or word end when possible."""
    chunks, rest = [], (text or "").strip()
    while utf16_units(rest) > limit:
        end = _fitting_prefix(rest, limit)
        chunks.append(rest[:_cut_index(rest, end)].rstrip())
        rest = rest[len(chunks[-1]):].lstrip()
    return chunks + [rest] if rest else chunks


def _cut_index(text: str, end: int) -> int:
    """The last paragraph end before `end`, else line end, else word end (none of them
    too early, to avoid tiny chunks), else `end` itself."""
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, 0, end)
        if cut > end // 2:
            return cut
    return end


def inline_keyboard(buttons: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """Rasa buttons as an inline keyboard, one button a row; the payload comes back as
    callback_data, so a payload over Telegram's 64 bytes cannot be a button."""
    rows = []
    for button in buttons or []:
        payload, title = str(button.get("payload", "")), str(button.get("title", ""))
        if not title or not 0 < len(payload.encode()) <= MAX_CALLBACK_DATA_BYTES:
            logger.warning("Button left out of the Telegram keyboard: no title, or a payload "
                           "of %d bytes.", len(payload.encode()))
            continue
        rows.append([{"text": title, "callback_data": payload}])
    return {"inline_keyboard": rows} if rows else None


def sender_id(chat_id: int) -> str:
    return f"{SENDER_PREFIX}{chat_id}"


def chat_id_of(recipient_id: str) -> int:
    return int(str(recipient_id).removeprefix(SENDER_PREFIX))


# ---------- output ----------

class TelegramOutput(OutputChannel):
    """Sends Rasa's answers with sendMessage; buttons become an inline keyboard."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, api: TelegramApi) -> None:
        self.api = api

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send(chat_id_of(recipient_id), text)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send(chat_id_of(recipient_id), text, inline_keyboard(buttons))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        """Ignored: the helplines' numbers of `contacts` are already in the message text."""

    async def send(self, chat_id: int, text: str,
                   keyboard: Optional[Dict[str, Any]] = None) -> None:
        """Sends every chunk, the keyboard with the last. A chunk still failing after the
        retries is only logged: Rasa must go on and save the turn."""
        chunks = split_text(text) or ["👇"]   # Telegram refuses an empty text
        for index, chunk in enumerate(chunks):
            payload: Dict[str, Any] = {"chat_id": chat_id, "text": chunk}
            if keyboard and index == len(chunks) - 1:
                payload["reply_markup"] = keyboard
            await self.api.call("sendMessage", payload)


# ---------- input ----------

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class UpdateHandler:
    """What Vigie does with each kind of Telegram update."""

    def __init__(self, api: TelegramApi, on_new_message: OnNewMessage, bot_id: int) -> None:
        self.api = api
        self.bot_id = bot_id
        self.output = TelegramOutput(api)
        self.on_new_message = on_new_message

    async def handle(self, update: Dict[str, Any]) -> None:
        kind = next((key for key in update if key != "update_id"), "none")
        handlers = {"message": self._message, "edited_message": self._edited_message,
                    "callback_query": self._callback, "my_chat_member": self._membership}
        logger.debug("Telegram update %s: %s.", update.get("update_id"), kind)
        body = update.get(kind)
        if kind in handlers and isinstance(body, dict):
            await handlers[kind](body)

    async def _message(self, message: Dict[str, Any]) -> None:
        chat = message.get("chat") or {}
        if chat.get("type") != "private":
            if self._addressed_to_vigie(message):
                await self.output.send(chat["id"], PRIVATE_ONLY)
            return
        if any(kind in message for kind in MEDIA_KINDS):
            await self.output.send(chat["id"], MEDIA_REFUSAL)   # never downloaded
        elif any(kind in message for kind in PERSONAL_KINDS):
            await self.output.send(chat["id"], PERSONAL_REFUSAL)
        text = message.get("text") or message.get("caption")
        if text:
            await self._converse(chat["id"], text)

    async def _edited_message(self, message: Dict[str, Any]) -> None:
        """A corrected text is answered again: the correction may be what matters."""
        chat = message.get("chat") or {}
        if chat.get("type") == "private" and message.get("text"):
            await self._converse(chat["id"], message["text"])

    async def _callback(self, query: Dict[str, Any]) -> None:
        # answered first, so the button stops spinning even if Rasa is slow
        await self.api.call("answerCallbackQuery", {"callback_query_id": query.get("id")})
        chat = (query.get("message") or {}).get("chat") or {}
        data = query.get("data") or ""
        if chat.get("type") == "private" and BUTTON_PAYLOAD.match(data):
            await self._ask_rasa(chat["id"], data)

    async def _membership(self, change: Dict[str, Any]) -> None:
        """Added to a group or channel: say once that Vigie talks in private only.
        In a private chat (the user blocked or unblocked Vigie) there is nothing to do."""
        chat = change.get("chat") or {}
        old = (change.get("old_chat_member") or {}).get("status")
        new = (change.get("new_chat_member") or {}).get("status")
        if chat.get("type") != "private" and old in ("left", "kicked") and new in (
                "member", "administrator"):
            await self.output.send(chat["id"], PRIVATE_ONLY)

    async def _converse(self, chat_id: int, text: str) -> None:
        payload = typed_text(text, COMMANDS)
        await self._ask_rasa(chat_id, payload)
        if payload == COMMANDS["start"]:
            await self.output.send(chat_id, COUNTRY_PROMPT, inline_keyboard(COUNTRY_BUTTONS))
        elif payload == COMMANDS["efface"]:
            await self.output.send(chat_id, ERASE_NOTE)

    async def _ask_rasa(self, chat_id: int, text: str) -> None:
        started = time.perf_counter()
        try:
            await self.on_new_message(UserMessage(text, self.output, sender_id(chat_id),
                                                  input_channel=TelegramInput.name()))
        except Exception as error:  # the teen must not be left without an answer
            logger.error("Rasa failed on a Telegram message: %s.", type(error).__name__)
            metrics.turn_failed(TelegramInput.name())
            await self.output.send(chat_id, FAILURE_TEXT)
        finally:
            # the answers are sent during the turn: this is the time until the last one left
            metrics.observe_turn(TelegramInput.name(), time.perf_counter() - started)

    def _addressed_to_vigie(self, message: Dict[str, Any]) -> bool:
        """A command or a reply to Vigie: in a group where Vigie is admin (or privacy mode is
        off) it sees every message, and must not answer each one."""
        entities = message.get("entities") or []
        replied_to = ((message.get("reply_to_message") or {}).get("from") or {}).get("id")
        return replied_to == self.bot_id or any(
            e.get("type") == "bot_command" and e.get("offset") == 0 for e in entities)


def chat_of(update: Dict[str, Any]) -> Optional[int]:
    """The chat an update belongs to, for ordering; None when it has none."""
    for kind in ("message", "edited_message", "my_chat_member", "callback_query"):
        body = update.get(kind)
        if isinstance(body, dict):
            if kind == "callback_query":
                body = body.get("message") or {}
            chat_id = (body.get("chat") or {}).get("id")
            return chat_id if isinstance(chat_id, int) else None
    return None


class UpdateQueue:
    """Handles updates after the webhook has answered: one chat's updates one after the other,
    in the order received, different chats at the same time; each update_id once."""

    def __init__(self, handle: Callable[[Dict[str, Any]], Awaitable[None]],
                 remember: int = SEEN_UPDATES) -> None:
        self._handle = handle
        self._remember = remember
        self._seen: "OrderedDict[int, None]" = OrderedDict()   # oldest first
        self._last: Dict[Hashable, asyncio.Task] = {}          # each chat's latest update
        self._tasks: Set[asyncio.Task] = set()

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def seen_before(self, update: Dict[str, Any]) -> bool:
        update_id = update.get("update_id")
        if not isinstance(update_id, int):
            return False
        if update_id in self._seen:
            return True
        self._seen[update_id] = None
        if len(self._seen) > self._remember:
            self._seen.popitem(last=False)
        return False

    def submit(self, update: Dict[str, Any]) -> None:
        chat = chat_of(update)
        key: Hashable = chat if chat is not None else ("update", update.get("update_id"), id(update))
        task = asyncio.get_running_loop().create_task(self._run(self._last.get(key), update))
        self._last[key] = task
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._forget(key, done))

    def _forget(self, key: Hashable, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if self._last.get(key) is task:
            del self._last[key]

    async def _run(self, previous: Optional[asyncio.Task], update: Dict[str, Any]) -> None:
        if previous is not None:
            await asyncio.wait([previous])   # its failure is its own
        try:
            await self._handle(update)
        except Exception as error:  # a malformed update must not stop the chat's next ones
            logger.error("Telegram update not handled: %s.", type(error).__name__)

    async def drain(self, timeout: float) -> None:
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=timeout)


class TelegramInput(InputChannel):
    """POST /webhooks/telegram/webhook, the URL given to setWebhook."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TelegramInput":
        return cls(TelegramSettings.load(credentials))

    def __init__(self, settings: TelegramSettings) -> None:
        self.settings = settings
        self.api = TelegramApi(settings.token, settings.api_base_url)
        if not settings.enabled:
            logger.info("Telegram channel off: no token (see the README, section Telegram).")

    def authorised(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(given.encode(), self.settings.secret_token.encode())

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        telegram = Blueprint("vigie_telegram", __name__)
        handler = UpdateHandler(self.api, on_new_message, self.settings.bot_id)
        queue = UpdateQueue(handler.handle)

        @telegram.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            # pending: updates acknowledged and not yet fully handled
            return response.json({"status": "ok" if self.settings.enabled else "disabled",
                                  "pending": queue.pending})

        @telegram.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.settings.enabled:
                return response.json({"error": "telegram channel disabled"}, status=503)
            if not self.authorised(request):
                logger.warning("Telegram webhook: request refused (missing or wrong secret).")
                metrics.telegram_update("refused")
                return response.json({"error": "forbidden"}, status=403)
            update = _parse_update(request.body)
            if update is None:
                metrics.telegram_update("invalid")
                return response.json({"error": "not a Telegram update"}, status=400)
            if queue.seen_before(update):
                metrics.telegram_update("duplicate")   # Telegram sent it again: a slow answer
            else:
                metrics.telegram_update("new")
                queue.submit(update)
            # always 200 once the update is read: Telegram would otherwise send it again
            return response.json({"status": "ok"})

        @telegram.listener("before_server_stop")
        async def finish_queued(*_: Any) -> None:
            await queue.drain(STOP_GRACE_SECONDS)

        @telegram.listener("after_server_stop")
        async def close_api(*_: Any) -> None:
            await self.api.close()

        return telegram


def _parse_update(body: bytes) -> Optional[Dict[str, Any]]:
    try:
        update = json.loads(body or b"")
    except ValueError:
        return None
    return update if isinstance(update, dict) else None
