"""Pipeline step after the intent classifier: deterministic overrides for danger and bad input."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.nlu import StatelessComponent
from vigie.safety import is_foreign_language, is_wordless, safety_intent
from vigie.text import is_command

SAFETY_NET = "safety_net"


def _override(message: Message, intent: str, reason: str) -> None:
    # the others are halved so that the FallbackClassifier never sees an ambiguous top two
    ranking = [dict(r, confidence=r["confidence"] / 2)
               for r in message.get(INTENT_RANKING_KEY, []) if r.get("name") != intent]
    top = {"name": intent, "confidence": 1.0}
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top] + ranking, add_to_output=True)
    message.set(SAFETY_NET, reason, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._check(message)
        return messages

    @staticmethod
    def _check(message: Message) -> None:
        text = message.get(TEXT) or ""
        if is_command(text):
            return
        if is_wordless(text):
            _override(message, "message_vide", "no words")
            return
        predicted = (message.get(INTENT) or {}).get("name")
        imposed = safety_intent(text, predicted)
        if imposed:
            _override(message, imposed, "lexical trigger")
        elif predicted not in ("urgence", "detresse") and is_foreign_language(text):
            _override(message, "autre_langue", "other language")
