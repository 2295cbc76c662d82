"""The classifier trains on the rows Rasa's LogisticRegressionClassifier would make (and reads a
message with the same function)."""
import numpy as np
from scipy.sparse import csr_matrix

from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from vigie.nlu.classifier import IntentClassifier


def _message(seed: int) -> Message:
    """Two count featurizers and word vectors, as the pipeline leaves a message."""
    rng = np.random.default_rng(seed)
    message = Message(data={TEXT: f"message {seed}"})
    for origin, width in (("lemmas", 7), ("chars", 11)):
        counts = csr_matrix(rng.integers(0, 3, size=(1, width)).astype(float))
        message.add_features(Features(counts, FEATURE_TYPE_SENTENCE, TEXT, origin))
        tokens = csr_matrix(np.vstack([counts.toarray()] * 2))
        message.add_features(Features(tokens, FEATURE_TYPE_SEQUENCE, TEXT, origin))
    message.add_features(Features(rng.random((1, 5)), FEATURE_TYPE_SENTENCE, TEXT, "vectors"))
    return message


def test_training_matrix_is_rasas():
    messages = [_message(seed) for seed in range(6)]
    ours = IntentClassifier._create_X(None, messages)
    rasas = LogisticRegressionClassifier._create_X(None, messages)
    assert ours.shape == rasas.shape == (6, 23)
    assert abs(ours - rasas).max() == 0

