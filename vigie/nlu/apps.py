"""Pipeline step: the apps a message names ("un mec de snap") as the `app` entity, which sets
the `app` slot: "comment bloquer ?" later starts with that app's steps (lexicon/apps.yml)."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from vigie.patterns import cues_found
from vigie.nlu import StatelessComponent, add_entity, typed_messages

ENTITY = "app"
APPS = "lexicon/apps.yml"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AppExtractor(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message, doc in typed_messages(messages):
            for app in sorted(cues_found(doc, APPS)):
                add_entity(message, ENTITY, app, "AppExtractor")
        return messages
