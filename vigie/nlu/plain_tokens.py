"""After spaCy's tokenizer: tokens and lemmas lower-case and accent-free, so "coupé", "coupe"
and "Coupée" count as one word for the featurizers (teens rarely type accents)."""
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.patterns import plain
from vigie.nlu import MessageStep


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class PlainTokens(MessageStep):
    def apply(self, message: Message) -> None:
        for token in message.get(TOKENS_NAMES[TEXT]) or []:
            token.text = plain(token.text)
            token.lemma = plain(token.lemma or token.text)
