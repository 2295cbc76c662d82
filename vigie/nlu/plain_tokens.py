"""After spaCy's tokenizer: tokens and lemmas lower-case and accent-free, so "coupé", "coupe"
and "Coupée" count as one word for the featurizers (teens rarely type accents)."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from vigie.danger import plain
from vigie.nlu import StatelessComponent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class PlainTokens(StatelessComponent):
    @staticmethod
    def _plain(message: Message) -> None:
        for token in message.get(TOKENS_NAMES[TEXT]) or []:
            token.text = plain(token.text)
            token.lemma = plain(token.lemma or token.text)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._plain(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._plain(example)
        return training_data
