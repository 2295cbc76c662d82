"""Rasa's LogisticRegressionClassifier, made safe for messages it cannot read."""
import json
from typing import Any, List, Set

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

VOCABULARY_FILE = "known_lemmas.json"
UNREAD = {"name": "nlu_fallback", "confidence": 0.0}


def _lemmas(message: Message) -> Set[str]:
    return {token.lemma for token in message.get(TOKENS_NAMES[TEXT]) or [] if token.lemma}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """Logistic regression on the pipeline's counts, which only classifies a message it can read.

    Without a single word seen in training ("gloubi boulga"), character n-grams alone give a
    confident but meaningless guess: the message is left to the fallback (the safety net still
    reads it first). An empty or emoji-only message has no features at all, which scikit-learn
    refuses: it is left to the safety net (`message_vide`)."""

    known: Set[str] = frozenset()

    def train(self, training_data: TrainingData) -> Resource:
        self.known = set().union(*(_lemmas(m) for m in training_data.intent_examples))
        return super().train(training_data)

    def persist(self) -> None:
        super().persist()
        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / VOCABULARY_FILE).write_text(json.dumps(sorted(self.known)), encoding="utf-8")

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs: Any) -> "IntentClassifier":
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        with model_storage.read_from(resource) as model_dir:
            component.known = set(json.loads((model_dir / VOCABULARY_FILE).read_text(encoding="utf-8")))
        return component

    def process(self, messages: List[Message]) -> List[Message]:
        readable = []
        for message in messages:
            if message.get_sparse_features(TEXT)[1] is not None and _lemmas(message) & self.known:
                readable.append(message)
            else:
                message.set(INTENT, dict(UNREAD), add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if readable:
            super().process(readable)
        return messages
