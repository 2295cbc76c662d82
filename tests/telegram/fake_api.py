"""A Telegram Bot API double on loopback (aiohttp, in a background thread).

It records every call, refuses what Telegram refuses (text over 4096 characters, callback_data
over 64 bytes, wrong token...) and can be told to fail the next calls (429, 5xx, 403) or to
hold a chat's sendMessage calls until released (a slow Telegram)."""
import asyncio
import re
import threading
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web

SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass
class Call:
    method: str
    params: Dict[str, Any]
    status: int
    at: float  # time.monotonic()


@dataclass
class Failure:
    status: int
    description: str
    retry_after: Optional[int] = None


class FakeTelegramApi:
    def __init__(self, token: str) -> None:
        self.token = token
        self.port: Optional[int] = None
        self._calls: List[Call] = []
        self._failures: Dict[Tuple[str, Any], List[Failure]] = {}
        self._lock = threading.Lock()
        self._held: Dict[Any, threading.Event] = {}
        self._ready = threading.Event()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None

    # ---------- life cycle ----------

    def start(self) -> "FakeTelegramApi":
        self._thread = threading.Thread(target=self._serve, name="fake-telegram", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake Telegram API did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)  # the OS picks a free port
        self._loop.run_until_complete(site.start())
        self.port = runner.addresses[0][1]
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(runner.cleanup())
        self._loop.close()

    # ---------- what the tests use ----------

    def fail_next(self, method: str, chat_id: Any, *failures: Failure) -> None:
        """The next calls of `method` for `chat_id` get these errors, in order."""
        with self._lock:
            self._failures.setdefault((method, chat_id), []).extend(failures)

    def hold(self, chat_id: Any) -> None:
        """sendMessage calls for `chat_id` wait, unanswered, until `release(chat_id)`."""
        with self._lock:
            self._held[chat_id] = threading.Event()

    def release(self, chat_id: Any) -> None:
        with self._lock:
            held = self._held.pop(chat_id, None)
        if held:
            held.set()

    def calls(self, method: Optional[str] = None) -> List[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def attempts(self, chat_id: int) -> List[Call]:
        """Every sendMessage tried for this chat, failed ones included."""
        return [c for c in self.calls("sendMessage") if c.params.get("chat_id") == chat_id]

    def sent(self, chat_id: int) -> List[Dict[str, Any]]:
        """The messages this chat really received."""
        return [c.params for c in self.attempts(chat_id) if c.status == 200]

    def text(self, chat_id: int) -> str:
        return "\n".join(m["text"] for m in self.sent(chat_id))

    def keyboards(self, chat_id: int) -> List[List[Dict[str, str]]]:
        """Each inline keyboard received, as its list of buttons."""
        return [[b for row in m["reply_markup"]["inline_keyboard"] for b in row]
                for m in self.sent(chat_id) if "reply_markup" in m]

    # ---------- the API ----------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        with self._lock:
            held = self._held.get(params.get("chat_id")) if method == "sendMessage" else None
        if held is not None:
            await asyncio.get_running_loop().run_in_executor(None, held.wait, 30)
        if request.match_info["token"] != self.token:
            return self._answer(method, params, _error(401, "Unauthorized"))
        failure = self._next_failure(method, params.get("chat_id"))
        if failure:
            return self._answer(method, params, _error(failure.status, failure.description,
                                                       failure.retry_after))
        handler = getattr(self, "_" + method, None)
        if handler is None:
            return self._answer(method, params, _error(404, "Not Found"))
        return self._answer(method, params, handler(params))

    def _answer(self, method: str, params: Dict[str, Any],
                reply: Tuple[int, Dict[str, Any]]) -> web.Response:
        status, body = reply
        with self._lock:
            self._calls.append(Call(method, params, status, time.monotonic()))
        return web.json_response(body, status=status)

    def _next_failure(self, method: str, chat_id: Any) -> Optional[Failure]:
        with self._lock:
            queue = self._failures.get((method, chat_id))
            return queue.pop(0) if queue else None

    # Each method returns (status, body) like Telegram, validating what Telegram validates.

    def _sendMessage(self, params: Dict[str, Any]):
        text = params.get("text") or ""
        if "chat_id" not in params:
            return _error(400, "Bad Request: chat_id is empty")
        if not text.strip():
            return _error(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return _error(400, "Bad Request: message is too long")
        problem = _keyboard_problem(params.get("reply_markup"))
        if problem:
            return _error(400, f"Bad Request: {problem}")
        return _ok({"message_id": len(self._calls) + 1, "date": int(time.time()),
                    "chat": {"id": params["chat_id"]}, "text": text})

    def _answerCallbackQuery(self, params: Dict[str, Any]):
        if not params.get("callback_query_id"):
            return _error(400, "Bad Request: query is too old and response timeout expired")
        return _ok(True)

    def _setWebhook(self, params: Dict[str, Any]):
        if not str(params.get("url", "")).startswith("https://"):
            return _error(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        if "secret_token" in params and not SECRET_PATTERN.match(params["secret_token"]):
            return _error(400, "Bad Request: secret token contains unallowed characters")
        return 200, {"ok": True, "result": True, "description": "Webhook was set"}

    def _deleteWebhook(self, params: Dict[str, Any]):
        return 200, {"ok": True, "result": True, "description": "Webhook was deleted"}

    def _getWebhookInfo(self, params: Dict[str, Any]):
        webhooks = [c.params for c in self.calls("setWebhook") if c.status == 200]
        url = webhooks[-1]["url"] if webhooks else ""
        return _ok({"url": url, "has_custom_certificate": False, "pending_update_count": 0})

    def _getMe(self, params: Dict[str, Any]):
        return _ok({"id": int(self.token.split(":")[0]), "is_bot": True, "username": "VigieBot"})

    def _getFile(self, params: Dict[str, Any]):
        return _ok({"file_id": params.get("file_id"), "file_path": "photos/file_0.jpg"})


async def _params(request: web.Request) -> Dict[str, Any]:
    """Telegram takes parameters as JSON, as a form or in the query string."""
    params: Dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.can_read_body:
        params.update(await request.post())
    return params


def _keyboard_problem(markup: Any) -> Optional[str]:
    if markup is None:
        return None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        return "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays"
    for button in (b for row in rows for b in row):
        if not button.get("text"):
            return "text buttons are unallowed in the inline keyboard"
        data = button.get("callback_data")
        if data is not None and not 1 <= len(data.encode()) <= 64:
            return "BUTTON_DATA_INVALID"
    return None


def _ok(result: Any) -> Tuple[int, Dict[str, Any]]:
    return 200, {"ok": True, "result": result}


def _error(status: int, description: str, retry_after: Optional[int] = None):
    body: Dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return status, body
