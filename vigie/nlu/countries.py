"""Finds the user's country in what they write ("je suis en France", "à Lausanne")."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.lexicon import place_patterns
from vigie.nlu import StatelessComponent
from vigie.text import is_command, normalize

ENTITY = "pays"


def find_country(normalized_text: str):
    """(code, start, end, word) of the first place mentioned, or None."""
    found = []
    for code, pattern in place_patterns().items():
        match = pattern.search(normalized_text)
        if match:
            found.append((match.start(), code, match.end(), match.group(0)))
    if not found:
        return None
    start, code, end, word = min(found)
    return code, start, end, word


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CountryExtractor(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = None if is_command(text) else find_country(normalize(text))
            if found:
                code, start, end, word = found
                entity = {"entity": ENTITY, "value": code, "start": start, "end": end,
                          "confidence": 1.0, "extractor": "CountryExtractor"}
                message.set(ENTITIES, message.get(ENTITIES, []) + [entity], add_to_output=True)
        return messages
