"""What one turn did, read from the conversation's events as the tracker store saves it: the
channel the teen wrote on, the intent answered, the direct danger question asked or replied
to, a fallback. Only names the domain defines come out of here, never a text or an id
(vigie/metrics.py counts them)."""
from dataclasses import dataclass
from typing import List, Optional, Tuple

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

from vigie.scenarios import DANGER, FRIEND_DESPAIR, GROUP_OF

QUESTION_ACTION = "action_verifier_danger"     # the direct question (actions/doute.py)
DIALOGUE_FALLBACK_ACTION = "action_default_fallback"
NLU_FALLBACK = "nlu_fallback"
DOUBT_SLOT = "doute"
YES, NO = "affirmer", "nier"


@dataclass(frozen=True)
class Turn:
    channel: str                  # the input channel of the teen's message
    intent: str                   # the intent answered
    asked: Optional[str] = None   # the danger the direct question asked about in this turn
    reply: Optional[Tuple[str, str]] = None  # (danger asked about just before, "oui" | "non" | "autre")
    fallback: Optional[str] = None  # "nlu": not understood; "dialogue": no rule answered it

    @property
    def situation(self) -> str:
        """The group the answer counts for, as in the measurements (pills count as urgence)."""
        return GROUP_OF.get(self.intent, self.intent)

    @property
    def danger(self) -> bool:
        """A danger's own answer, its number first; not a follow-up question of a blackmail."""
        return self.intent in DANGER or self.intent == FRIEND_DESPAIR


def read_turn(events: List[Event]) -> Optional[Turn]:
    """The last turn of `events`, or None when no channel brought its message (Vigie's own
    warm-up, vigie/warmup.py, talks to the agent directly)."""
    start = next((i for i in range(len(events) - 1, -1, -1)
                  if isinstance(events[i], UserUttered) and events[i].input_channel), None)
    if start is None:
        return None
    message = events[start]
    # "oui"/"non" to the direct question is answered by replaying the chosen intent as a
    # message of its own (actions/doute.py): the answer is that intent's
    answered = next(e for e in reversed(events) if isinstance(e, UserUttered))
    later = events[start + 1:]
    actions = [e.action_name for e in later if isinstance(e, ActionExecuted)]
    asked = (_last_value(later, DOUBT_SLOT) or "") if QUESTION_ACTION in actions else None
    fallback = "nlu" if message.intent_name == NLU_FALLBACK else (
        "dialogue" if DIALOGUE_FALLBACK_ACTION in actions else None)
    return Turn(message.input_channel, answered.intent_name or "", asked,
                _reply(events[:start], message.intent_name or ""), fallback)


def _reply(before: List[Event], intent: str) -> Optional[Tuple[str, str]]:
    """The reply to a direct question asked in the turn just before, if one was."""
    previous = next((e.action_name for e in reversed(before)
                     if isinstance(e, ActionExecuted) and e.action_name != ACTION_LISTEN_NAME), None)
    if previous != QUESTION_ACTION:
        return None
    doubted = _last_value(before, DOUBT_SLOT) or ""
    # the "Oui" button sends the danger's own intent
    said = "oui" if intent == YES or GROUP_OF.get(intent, intent) == doubted else "non" if intent == NO else "autre"
    return doubted, said


def _last_value(events: List[Event], slot: str) -> Optional[str]:
    return next((e.value for e in reversed(events) if isinstance(e, SlotSet) and e.key == slot and e.value), None)
