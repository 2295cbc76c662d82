"""Pipeline step after the FallbackClassifier: a message the classifier hesitated on between
two everyday answers (an everyday worry, small talk) is not "not understood"."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from vigie.nlu import StatelessComponent
from vigie.scenarios import EVERYDAY

FALLBACK = "nlu_fallback"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EverydayFallback(StatelessComponent):
    """"j'ai trop peur de rater le brevet": autre_souci 0.35, hors_sujet 0.33, so the fallback;
    both answers are everyday ones, and the worry's answer (the youth line) fits both."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get(INTENT) or {}).get("name") != FALLBACK:
                continue
            guesses = [r for r in message.get(INTENT_RANKING_KEY, []) if r["name"] != FALLBACK][:2]
            if len(guesses) == 2 and all(g["name"] in EVERYDAY for g in guesses):
                top = {"name": EVERYDAY[0], "confidence": sum(g["confidence"] for g in guesses)}
                message.set(INTENT, top, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [top] + message.get(INTENT_RANKING_KEY, []), add_to_output=True)
        return messages
