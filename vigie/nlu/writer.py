"""Pipeline step: who is writing. An adult about their child or pupil ("ma fille a déjà payé")
gets the `qui_ecrit` entity, which sets the `role` slot: every later answer says « vous », even
when the message itself is classified as a follow-up or a situation (lexicon/writers.yml). A
teacher also gets `proche`, which sets the `enfant` slot: « votre élève », not « votre enfant »."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from vigie.patterns import cues_found
from vigie.nlu import StatelessComponent, add_entity, typed_messages

ENTITY = "qui_ecrit"
ROLE = "parent"             # the `role` slot's value for any adult: « vous »
PUPIL = "proche"            # entity for the `enfant` slot: how the answers name the teen
PUPIL_OF = {"enseignant": "élève"}
WRITERS = "lexicon/writers.yml"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class WriterExtractor(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message, doc in typed_messages(messages):
            writers = cues_found(doc, WRITERS)
            if writers:
                add_entity(message, ENTITY, ROLE, "WriterExtractor")
            for writer in sorted(writers & set(PUPIL_OF)):
                add_entity(message, PUPIL, PUPIL_OF[writer], "WriterExtractor")
        return messages
