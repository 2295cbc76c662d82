"""Fills the `pays` entity with the country the user names ("je suis en France", "à Lausanne");
the place rules are in vigie.places."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.nlu import StatelessComponent, add_entity
from vigie.places import find_country
from vigie.text import is_command, normalize

ENTITY = "pays"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CountryExtractor(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            place = None if is_command(text) else find_country(normalize(text))
            if place:
                add_entity(message, ENTITY, place.code, "CountryExtractor", start=place.start, end=place.end)
        return messages
