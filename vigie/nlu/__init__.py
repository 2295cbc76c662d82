"""Custom Rasa NLU components of Vigie (referenced by name in config.yml)."""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


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
