"""First pipeline step: bounded, cleaned text with SMS spellings expanded (case and accents kept,
for spaCy); every later step sees this text."""
from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.lexicon import lexicon_fingerprint
from vigie.nlu import MessageStep
from vigie.text import MAX_MESSAGE_CHARS, is_command, prepare

ORIGINAL_LENGTH = "original_length"


# Registered as a featurizer so that Rasa also runs it on the training data, before spaCy.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class TextCleaner(MessageStep):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # the lexicons' hash joins the model's fingerprint: a lexicon change means a new model
        return {"max_chars": MAX_MESSAGE_CHARS, "lexicon": lexicon_fingerprint()}

    def apply(self, message: Message) -> None:
        text: Optional[str] = message.get(TEXT)
        if text is None or is_command(text):
            return
        message.set(ORIGINAL_LENGTH, len(text), add_to_output=True)
        message.set(TEXT, prepare(text, self.config["max_chars"]))
