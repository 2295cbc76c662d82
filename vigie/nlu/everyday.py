"""Pipeline step after the FallbackClassifier: a message the classifier hesitated on between
two everyday answers (an everyday worry, small talk), or a long message with an everyday answer
among its two best guesses, is not "not understood": it gets the everyday worry's answer. A
hesitant guess of a situation's advice with an everyday answer close behind gets the everyday
answer too: another situation's advice hurts more than a kind answer that asks."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.followups import followups
from vigie.nlu import StatelessComponent
from vigie.scenarios import DANGER, EVERYDAY, SITUATIONS

FALLBACK = "nlu_fallback"
# a message this long is something a teen took time to say, not a stray word: "je n'ai pas
# bien compris" would not fit it (the everyday answer also asks whether it happened online)
LONG_MESSAGE_WORDS = 8
# a situation guessed below this, with an everyday answer at EVERYDAY_CANDIDATE or more, is
# doubtful (on the development sets: 16 of 36 everyday worries answered as a situation are
# caught, 6 of 917 situations lose their advice for the everyday answer)
HESITANT_SITUATION = 0.7
EVERYDAY_CANDIDATE = 0.2


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EverydayFallback(StatelessComponent):
    """"j'ai trop peur de rater le brevet": autre_souci 0.35, hors_sujet 0.33, so the fallback;
    both answers are everyday ones, and the worry's answer (the youth line) fits both."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") in SITUATIONS and intent["name"] not in DANGER \
                    and not message.get("safety_net") and intent["confidence"] < HESITANT_SITUATION:
                everyday = [r for r in message.get(INTENT_RANKING_KEY, []) if r["name"] in EVERYDAY]
                if everyday and everyday[0]["confidence"] >= EVERYDAY_CANDIDATE:
                    _answer_as(message, everyday[0]["name"], everyday[0]["confidence"])
                continue
            if intent.get("name") != FALLBACK:
                continue
            guesses = [r for r in message.get(INTENT_RANKING_KEY, []) if r["name"] != FALLBACK][:2]
            everyday = [g for g in guesses if g["name"] in EVERYDAY]
            long_message = len((message.get(TEXT) or "").split()) >= LONG_MESSAGE_WORDS
            # a follow-up guessed first ("l'école peut me renvoyer pour ça ?") is left to the cues
            followup_first = bool(guesses) and guesses[0]["name"] in followups()
            if len(everyday) == 2 or (everyday and long_message and not followup_first):
                _answer_as(message, EVERYDAY[0], sum(g["confidence"] for g in everyday))
        return messages


def _answer_as(message: Message, name: str, confidence: float) -> None:
    top = {"name": name, "confidence": confidence}
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top] + message.get(INTENT_RANKING_KEY, []), add_to_output=True)
