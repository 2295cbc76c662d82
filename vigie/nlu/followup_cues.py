"""Pipeline step: marks a typed follow-up question ("j'ai déjà payé") as the `suite` entity."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.followups import cued_followup
from vigie.nlu import StatelessComponent
from vigie.text import is_command

ENTITY = "suite"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class FollowUpCues(StatelessComponent):
    """Reads the spaCy doc of the cleaned text; leaves the intent as the classifier chose it."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None or is_command(message.get(TEXT) or ""):
                continue
            found = cued_followup(doc)
            if found:
                entity = {"entity": ENTITY, "value": found, "confidence": 1.0,
                          "extractor": "FollowUpCues"}
                message.set(ENTITIES, message.get(ENTITIES, []) + [entity], add_to_output=True)
        return messages
