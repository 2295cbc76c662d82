"""Pipeline step: who is writing. An adult about their child or pupil ("ma fille a déjà payé")
gets the `qui_ecrit` entity, which sets the `role` slot: every later answer says « vous », even
when the message itself is classified as a follow-up or a situation (lexicon/writers.yml)."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from vigie.danger import cues_found
from vigie.nlu import StatelessComponent, add_entity, typed_messages

ENTITY = "qui_ecrit"
WRITERS = "lexicon/writers.yml"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class WriterExtractor(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message, doc in typed_messages(messages):
            for writer in sorted(cues_found(doc, WRITERS)):
                add_entity(message, ENTITY, writer, "WriterExtractor")
        return messages
