"""Never an empty answer: when a custom action's server is down, slow or failing, Rasa sends
the domain response `utter_<name>_secours` instead (e.g. action_orienter -> utter_orienter_secours,
the default numbers of the user's country)."""
import asyncio
import logging

from rasa.core.actions.action import ActionBotResponse, RemoteAction

logger = logging.getLogger(__name__)

ACTION_TIMEOUT_SECONDS = 2.0
_original_run = RemoteAction.run


def fallback_response_name(action_name: str) -> str:
    return "utter_" + action_name.removeprefix("action_") + "_secours"


async def _run_or_fall_back(self, output_channel, nlg, tracker, domain):
    try:
        return await asyncio.wait_for(
            _original_run(self, output_channel, nlg, tracker, domain), ACTION_TIMEOUT_SECONDS)
    except Exception as error:  # down, too slow, or raised: the user must still get an answer
        response = fallback_response_name(self.name())
        logger.warning("Custom action %s failed (%s); answering with %s.",
                       self.name(), type(error).__name__, response)
        if response not in domain.responses:
            return []
        return await ActionBotResponse(response).run(output_channel, nlg, tracker, domain)


def install() -> None:
    """Idempotent: wraps RemoteAction.run once."""
    if RemoteAction.run is not _run_or_fall_back:
        RemoteAction.run = _run_or_fall_back
