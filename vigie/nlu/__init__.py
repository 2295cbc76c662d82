"""Custom Rasa NLU components of Vigie (referenced by name in config.yml)."""
from typing import Any, Dict, Iterator, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from vigie.text import is_command


class StatelessComponent(GraphComponent):
    """A component with nothing to train or persist: built from its configuration alone."""

    def __init__(self, config: Optional[Dict[Text, Any]] = None) -> None:
        self.config = config or {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config)


class MessageStep(StatelessComponent):
    """A step that changes each message the same way at training and at inference."""

    def apply(self, message: Message) -> None:
        raise NotImplementedError

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.apply(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self.apply(example)
        return training_data


def add_entity(message: Message, entity: str, value: Any, extractor: str, **where: int) -> None:
    """Adds one of Vigie's entities to a message's output (`where`: start and end, if known)."""
    found = {"entity": entity, "value": value, **where, "confidence": 1.0, "extractor": extractor}
    message.set(ENTITIES, message.get(ENTITIES, []) + [found], add_to_output=True)


def typed_messages(messages: List[Message]) -> Iterator[Tuple[Message, Any]]:
    """Each typed message with the spaCy doc of its cleaned text (buttons' payloads left out)."""
    for message in messages:
        doc = message.get(SPACY_DOCS[TEXT])
        if doc is not None and not is_command(message.get(TEXT) or ""):
            yield message, doc
