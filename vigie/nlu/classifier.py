"""Rasa's LogisticRegressionClassifier, made safe for messages it cannot read, and reading a
long story sentence by sentence."""
import json
import re
from typing import Any, List, Set, Tuple

import numpy as np
from scipy.sparse import csr_matrix

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
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
            for message in readable:
                self._read_story(message)
        return messages

    def _read_story(self, message: Message) -> None:
        """A long message is read whole and sentence by sentence: its intent is the best of the
        whole's probabilities averaged with the sentences' mean. Read whole, a story spreads
        its probabilities thin and fell back; read by sentences alone, one gloomy sentence
        outweighed the story (bench/nlu_dev_2026-12-07-recits.yml: 22, 20 and 9 errors of 50
        for whole, most-serious-sentence and this). Danger told anywhere is the rules' job."""
        spans = _sentence_token_spans(message)
        if len(spans) < STORY_SENTENCES:
            return
        sentences = [_sentence_message(message, start, end) for start, end in spans]
        each = self.clf.predict_proba(self._create_X(sentences))
        whole = self.clf.predict_proba(self._create_X([message]))[0]
        blended = (whole + each.mean(axis=0)) / 2
        names = list(self.clf.classes_)
        best = {"name": names[int(blended.argmax())], "confidence": float(blended.max())}
        ranking = sorted(({"name": n, "confidence": float(c)} for n, c in zip(names, blended)
                          if n != best["name"]), key=lambda r: -r["confidence"])[:9]
        message.set(INTENT, best, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(best)] + ranking, add_to_output=True)


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


def _sentence_message(message: Message, start: int, end: int) -> Message:
    """A message made of one sentence's tokens: its sequence features sliced, its sentence
    features the sum of those rows (as the count featurizers make them for a whole text)."""
    sequences = {}
    for features in message.features:
        if features.attribute == TEXT and features.type == FEATURE_TYPE_SEQUENCE and features.is_sparse():
            sequences[str(features.origin)] = csr_matrix(features.features)[start:end]
    sliced = []
    for features in message.features:
        if features.attribute != TEXT or not features.is_sparse():
            continue
        origin = str(features.origin)
        if features.type == FEATURE_TYPE_SEQUENCE:
            sliced.append(Features(sequences[origin].tocoo(), FEATURE_TYPE_SEQUENCE, TEXT, features.origin))
        elif features.type == FEATURE_TYPE_SENTENCE and origin in sequences:
            total = csr_matrix(np.asarray(sequences[origin].sum(axis=0)))
            sliced.append(Features(total.tocoo(), FEATURE_TYPE_SENTENCE, TEXT, features.origin))
    return Message(data={TEXT: message.get(TEXT)}, features=sliced)
