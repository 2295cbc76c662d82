"""The first message as fast as the tenth: the server parses a few messages before it opens.

The danger rules, the two-situation and follow-up cues are compiled into spaCy Matchers bound
to the model's vocabulary, so they can only be built once the model is loaded; left to the
first message, that message took ~250 ms instead of ~25 ms. Rasa 3.6 has no hook after the
model loads, so `install()` wraps the start-up step that loads it (`python -m vigie.server`
calls it, as it installs the action fallback). Then a greeting and "who can I call?" go
through whole turns (tracker, policies, the action, store) in a conversation of its own, which
the user's own erase command then deletes."""
import functools
import logging
import uuid

from rasa.core import run as rasa_run

from vigie import resilience
from vigie.stores import ERASE_INTENT

logger = logging.getLogger(__name__)

# one message per kind of rule: danger, a threat with pictures, a follow-up, two situations,
# another language
WARM_UP_MESSAGES = (
    "il est devant chez moi",
    "il menace de publier mes photos si je paie pas, j'ai déjà payé",
    "un inconnu m'a ajouté et il me demande des photos",
    "hello how are you",
)


async def warm_up(agent) -> None:
    for text in WARM_UP_MESSAGES:
        await agent.parse_message(text)
    resilience.warm_up(agent.action_endpoint)
    # the whole turn: a greeting, then, when the actions run in-process (an action server may
    # not be up yet), a question answered by action_orienter (time zones, executor, checks)
    turns = ["bonjour"]
    if resilience.actions_module(agent.action_endpoint):
        turns.append("/contacts_aide")
    sender = f"vigie-warm-up-{uuid.uuid4().hex}"
    for text in turns + [f"/{ERASE_INTENT}"]:
        await agent.handle_text(text, sender_id=sender)


def _warming(load_agent):
    @functools.wraps(load_agent)
    async def load_and_warm_up(*args, **kwargs):
        agent = await load_agent(*args, **kwargs)
        if agent is not None and agent.is_ready():
            await warm_up(agent)
            logger.info("Vigie is warmed up.")
        return agent
    load_and_warm_up.warms_up = True
    return load_and_warm_up


def install() -> None:
    """Idempotent: the Rasa server warms the model up before it accepts messages."""
    if not getattr(rasa_run.load_agent_on_start, "warms_up", False):
        rasa_run.load_agent_on_start = _warming(rasa_run.load_agent_on_start)
