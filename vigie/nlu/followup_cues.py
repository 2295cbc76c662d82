"""Pipeline step after the FallbackClassifier: a typed follow-up question ("j'ai déjà payé").

The classifier knows the follow-ups from their own examples (data/nlu/suites.yml); the cues add
what it cannot see alone. A scenario message that names a follow-up keeps its intent and gets a
`suite` entity (action_orienter adds the follow-up's answer). Only a message the classifier
could not place, a yes or no, or a plain call for help is answered by the follow-up itself (its
intent becomes the follow-up's, as if its button had been pressed)."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from vigie.followups import cued_followup
from vigie.nlu import StatelessComponent, add_entity, typed_messages
from vigie.scenarios import DOUBT

ENTITY = "suite"
# answers that say nothing about the situation: the follow-up's answer is worth more
UNPLACED = {"nlu_fallback", "nier", "affirmer", "demande_aide"}


# follow-ups about money or images sent: no place, no person at the door, nothing urgent
ABOUT_WHAT_WAS_SENT = {"deja_paye", "si_je_paie", "deja_renvoye"}


def _doubted(message: Message, found: str) -> bool:
    """A hesitant guess (no rule matched) that asks a follow-up gets the follow-up's answer: a
    precise question deserves its answer more than a question. A doubted blackmail always ("il
    me donne un délai"); a doubted urgence only for money or images already sent ("il m'a fait
    acheter du bitcoin"); a doubted despair keeps its question, and so does a deadline
    ("enfermée dehors jusqu'à 22h")."""
    if (message.get(INTENT) or {}).get("name") != DOUBT:
        return False
    doubted = (message.get("doubted") or {}).get("name")
    return doubted == "chantage" or (doubted == "urgence" and found in ABOUT_WHAT_WAS_SENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FollowUpCues(StatelessComponent):
    """Reads the spaCy doc of the cleaned text, as the safety net does."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message, doc in typed_messages(messages):
            found = cued_followup(doc)
            if not found:
                continue
            add_entity(message, ENTITY, found, "FollowUpCues")
            if (message.get(INTENT) or {}).get("name") in UNPLACED or _doubted(message, found):
                top = {"name": found, "confidence": 1.0}
                message.set(INTENT, top, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [top] + message.get(INTENT_RANKING_KEY, []),
                            add_to_output=True)
        return messages
