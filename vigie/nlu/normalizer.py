"""First pipeline step: bounded, lower-case, accent-free text for every later component."""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from vigie.nlu import StatelessComponent
from vigie.text import MAX_MESSAGE_CHARS, is_command, normalize

ORIGINAL_LENGTH = "original_length"


# Registered as a featurizer so that Rasa also runs it on the training data, before the tokenizer.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class TextNormalizer(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"max_chars": MAX_MESSAGE_CHARS}

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.max_chars = config["max_chars"]

    def _normalize(self, message: Message) -> None:
        text: Optional[str] = message.get(TEXT)
        if text is None or is_command(text):
            return
        message.set(ORIGINAL_LENGTH, len(text), add_to_output=True)
        message.set(TEXT, normalize(text, self.max_chars))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._normalize(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._normalize(example)
        return training_data
