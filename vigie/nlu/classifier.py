"""Rasa's LogisticRegressionClassifier, made safe for messages it cannot read, and reading a
long story sentence by sentence."""
import json
import re
from typing import Any, Dict, List, Set, Text, Tuple

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.utils.extmath import softmax

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.utils.tensorflow.constants import MEAN_POOLING
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


VOCABULARY_FILE = "known_lemmas.json"
UNREAD = {"name": "nlu_fallback", "confidence": 0.0}
# a story: at least this many sentences of 3 words or more, and this many tokens
STORY_SENTENCES = 2
STORY_MIN_TOKENS = 15
SENTENCE_END = re.compile(r"[.!?…]+\s+|\n+")


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

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # C: scikit-learn's inverse regularisation strength (Rasa leaves it at 1.0)
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config: Dict[Text, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.clf.set_params(C=self.config["C"])

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

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        """The training matrix, row by row as `process` reads a message: Rasa's own copied every
        feature matrix of every example (a tenth of the training time)."""
        return vstack([_text_row(m) for m in messages]).tocsr()

    def process(self, messages: List[Message]) -> List[Message]:
        readable = []
        for message in messages:
            if _has_text_features(message) and _lemmas(message) & self.known:
                readable.append(message)
            else:
                message.set(INTENT, dict(UNREAD), add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        if readable:
            probabilities = self._probabilities(self._create_X(readable))
            for message, row in zip(readable, probabilities):
                self._set_intent(message, self._read_story(message, row))
        return messages

    def _probabilities(self, rows: csr_matrix) -> np.ndarray:
        """scikit-learn's predict_proba for this multinomial model, with its weights kept in the
        layout a sparse product reads fast (scikit-learn copied them at each message: 2 ms)."""
        if getattr(self, "_weights", None) is None:
            if self.clf.multi_class == "ovr" or len(self.clf.classes_) <= 2:
                return self.clf.predict_proba(rows)
            self._weights = np.ascontiguousarray(self.clf.coef_.T)
        return softmax(np.asarray(rows @ self._weights) + self.clf.intercept_, copy=False)

    def _read_story(self, message: Message, whole: np.ndarray) -> np.ndarray:
        """A long message is read whole and sentence by sentence: its probabilities are the
        whole's averaged with the sentences' mean. Read whole, a story spreads its
        probabilities thin and fell back; letting its most serious sentence win, one gloomy
        sentence outweighed the story (bench/nlu_dev_2026-12-07-recits.yml: 22, 20 and 9
        errors of 50 for whole, most serious sentence and this). Danger told anywhere in a
        story is the safety net's job: its rules read the whole text."""
        spans = _sentence_token_spans(message)
        if len(spans) < STORY_SENTENCES:
            return whole
        each = self._probabilities(_sentence_rows(message, spans))
        return (whole + each.mean(axis=0)) / 2

    def _set_intent(self, message: Message, probabilities: np.ndarray) -> None:
        """As Rasa's LogisticRegressionClassifier sets them: the top intent and the ranking."""
        ranking = sorted(({"name": name, "confidence": float(p)}
                          for name, p in zip(self.clf.classes_, probabilities)), key=lambda r: -r["confidence"])
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        length = self.config[RANKING_LENGTH]
        message.set(INTENT_RANKING_KEY, ranking[:length] if length > 0 else ranking, add_to_output=True)


def _sparse_text_features(message: Message, kind: str) -> list:
    return [f for f in message.features if f.attribute == TEXT and f.type == kind and f.is_sparse()]


def _dense_text_features(message: Message, kind: str) -> list:
    return [f for f in message.features if f.attribute == TEXT and f.type == kind and not f.is_sparse()]


def _has_text_features(message: Message) -> bool:
    return bool(_sparse_text_features(message, FEATURE_TYPE_SENTENCE))


def _text_row(message: Message) -> csr_matrix:
    """The classifier's row for a message, as Rasa's `_create_X` makes it (the count
    featurizers' sentence features side by side, in the message's order, then the word
    vectors' mean), without Rasa's deep copies of each feature matrix."""
    return hstack([f.features for f in _sparse_text_features(message, FEATURE_TYPE_SENTENCE)]
                  + [csr_matrix(f.features) for f in _dense_text_features(message, FEATURE_TYPE_SENTENCE)]).tocsr()


def _sentence_token_spans(message: Message) -> List[Tuple[int, int]]:
    """(first, last + 1) token indices of each sentence of a long message. Sentences end at
    . ! ? … or a line break: spaCy's parser, on unpunctuated teen text, cuts at random."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    if len(tokens) < STORY_MIN_TOKENS:
        return []
    spans, start = [], 0
    for end in [m.end() for m in SENTENCE_END.finditer(message.get(TEXT) or "")] + [10 ** 9]:
        inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
        if len(inside) >= 3:
            spans.append((inside[0], inside[-1] + 1))
        start = end
    return spans


def _sentence_rows(message: Message, spans: List[Tuple[int, int]]) -> csr_matrix:
    """One row per sentence, as the classifier's rows are made for a whole text: for each
    count featurizer, in the message's order, the sum of the sentence's token rows; then the
    mean of its words' vectors, pooled as Rasa's SpacyFeaturizer pools a whole message."""
    sequences = {str(f.origin): csr_matrix(f.features) for f in _sparse_text_features(message, FEATURE_TYPE_SEQUENCE)}
    origins = [str(f.origin) for f in _sparse_text_features(message, FEATURE_TYPE_SENTENCE)]
    dense = [f.features for f in _dense_text_features(message, FEATURE_TYPE_SEQUENCE)]
    return vstack([hstack([csr_matrix(sequences[origin][start:end].sum(axis=0)) for origin in origins]
                          + [csr_matrix(DenseFeaturizer.aggregate_sequence_features(vectors[start:end], MEAN_POOLING))
                             for vectors in dense])
                   for start, end in spans]).tocsr()

