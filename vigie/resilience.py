"""Never an empty answer, and never a poorer one because Rasa is busy.

`ResilientRemoteAction` is Rasa's `RemoteAction` with four changes:
- with `actions_module: actions` in the action endpoint (endpoints.yml; the key later Rasa
  versions give this option), the actions run inside the Rasa process through rasa_sdk's own
  executor, with the payload the action server would get: the helpline list is pure data and
  no longer costs an HTTP round trip (3.4 ms median, 6.7 ms p95 per turn, measured); without
  it, Rasa posts to the action server at `url` (endpoints.scaled.yml);
- when the action server is down, slower than 2 s or failing, Rasa sends the domain response
  `utter_<name>_secours` instead (e.g. action_orienter -> utter_orienter_secours, the default
  numbers of the user's country);
- the 2 s count only the action server's time: the HTTP call runs on a small event loop of
  its own (`ActionClient`), so the time a turn waits behind other messages' NLU on Rasa's loop
  is not counted against the action server (under load it was: 274 of 1,000 answers fell back);
- the action server's answer is checked against Rasa's response schema with a validator built
  once, not with `jsonschema.validate`, which re-checks the schema against its meta-schema on
  every call (a third of the server's time in a profile).

Rasa 3.6 has no configuration hook for the class of custom actions, so `install()` makes
`action_for_name_or_text` build this subclass; `python -m vigie.server` calls it, and the
tracker stores refuse to start without it (`require_installed`), so `rasa run` cannot run
Vigie silently without its fallback. Each failure, and each backup response sent, is counted
in the metrics (vigie/metrics.py).
"""
import asyncio
import functools
import logging
import threading
from typing import Any, Dict, List, Optional, Text

import aiohttp
import jsonschema
from jsonschema.exceptions import best_match
from rasa.core.actions import action as rasa_actions
from rasa.core.actions.action import ActionBotResponse, RemoteAction
from rasa.shared.core import events
from rasa.shared.exceptions import RasaException
from rasa_sdk.executor import ActionExecutor

from vigie import metrics

logger = logging.getLogger(__name__)

ACTION_TIMEOUT_SECONDS = 2.0
ACTIONS_MODULE = "actions_module"  # action endpoint key: run that package's actions in-process


def fallback_response_name(action_name: str) -> str:
    return "utter_" + action_name.removeprefix("action_") + "_secours"


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # once, here, instead of at every answer
    return cls(schema)


class ActionClient:
    """Posts to the action server from a thread with its own event loop, so that the timeout
    measures the action server and not the queue on Rasa's loop."""

    def __init__(self) -> None:
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._session: Optional[aiohttp.ClientSession] = None
        self._lock = threading.Lock()

    def _start(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="vigie-actions", daemon=True).start()
                self._loop = loop
        return self._loop

    async def _open_session(self) -> aiohttp.ClientSession:
        if self._session is None:  # created on the client's loop, reused (keep-alive)
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=ACTION_TIMEOUT_SECONDS))
        return self._session

    def warm_up(self) -> None:
        """Starts the thread, its loop and the HTTP session before the first message needs them."""
        asyncio.run_coroutine_threadsafe(self._open_session(), self._start()).result()

    async def _post(self, url: str, body: Dict[str, Any], headers: Dict[str, str]) -> Any:
        session = await self._open_session()
        async with session.post(url, json=body, headers=headers) as response:
            if response.status >= 400:
                raise aiohttp.ClientResponseError(response.request_info, (), status=response.status,
                                                  message=await response.text())
            return await response.json(content_type=None)

    async def post(self, url: str, body: Dict[str, Any], headers: Dict[str, str]) -> Any:
        future = asyncio.run_coroutine_threadsafe(self._post(url, body, headers), self._start())
        return await asyncio.wrap_future(future)


CLIENT = ActionClient()


class ResilientRemoteAction(RemoteAction):
    """A custom action answered by the action server, or by the domain's backup response."""

    def _validate_action_result(self, result: Dict[Text, Any]) -> bool:
        error = best_match(_validator().iter_errors(result))
        if error is not None:
            raise error
        return True

    async def _call(self, tracker, domain) -> Dict[Text, Any]:
        if not self.action_endpoint:
            raise RasaException(f"No action endpoint for custom action '{self.name()}'.")
        payload = self._action_call_format(tracker, domain)
        module = actions_module(self.action_endpoint)
        if module:
            return await in_process_executor(module).run(payload)
        headers = dict(self.action_endpoint.headers or {})
        return await CLIENT.post(self.action_endpoint.url, payload, headers)

    async def run(self, output_channel, nlg, tracker, domain) -> List[events.Event]:
        try:
            response = await self._call(tracker, domain)
            self._validate_action_result(response)
            bot_messages = await self._utter_responses(response.get("responses", []), output_channel,
                                                       nlg, tracker)
            return [*bot_messages, *events.deserialise_events(response.get("events", []))]
        except Exception as error:  # down, too slow, or wrong: the user must still get an answer
            response_name = fallback_response_name(self.name())
            logger.warning("Custom action %s failed (%s); answering with %s.",
                           self.name(), type(error).__name__, response_name)
            has_backup = response_name in domain.responses
            metrics.action_failed(self.name(), failure_reason(error), has_backup)
            if not has_backup:
                return []
            return await ActionBotResponse(response_name).run(output_channel, nlg, tracker, domain)


def failure_reason(error: BaseException) -> str:
    """Why a custom action failed, as one of the metrics' reasons (vigie/metrics.py)."""
    if isinstance(error, (asyncio.TimeoutError, TimeoutError)):  # before: aiohttp's timeouts are both
        return "timeout"
    if isinstance(error, aiohttp.ClientResponseError):
        return "http_error"
    if isinstance(error, aiohttp.ClientConnectionError):
        return "unreachable"
    if isinstance(error, jsonschema.ValidationError):
        return "invalid_answer"
    return "error"


def actions_module(endpoint) -> Optional[str]:
    return (endpoint.kwargs.get(ACTIONS_MODULE) if endpoint else None) or None


@functools.lru_cache(maxsize=None)
def in_process_executor(module: str) -> ActionExecutor:
    """rasa_sdk's executor, as the action server builds it, with `module`'s actions."""
    executor = ActionExecutor()
    executor.register_package(module)
    return executor


def warm_up(endpoint) -> None:
    """Builds the schema validator (its own check of the schema takes ~50 ms) and the in-process
    executor or the action client, before the first message needs them."""
    _validator()
    module = actions_module(endpoint)
    if module:
        in_process_executor(module)
    else:
        CLIENT.warm_up()


def install() -> None:
    """Idempotent: Rasa builds every custom action as a ResilientRemoteAction from now on."""
    rasa_actions.RemoteAction = ResilientRemoteAction


def installed() -> bool:
    return rasa_actions.RemoteAction is ResilientRemoteAction


def require_installed() -> None:
    if not installed():
        raise RasaException("Vigie's action fallback is not installed: start Rasa with "
                            "`python -m vigie.server run ...` (or `make run` / `make shell`), "
                            "not with the plain `rasa` command.")
