"""Deterministic danger detection on normalised text (the lexicon is lexicon/danger.yml).

The statistical classifier can miss a danger message written in an unexpected way; these
triggers make sure urgence and detresse always get their answer, and that a threat mixed
with a milder topic gets the sextortion answer.
"""
import functools
import re
from typing import List, Optional, Pattern

from vigie.lexicon import compile_all, danger_lexicon
from vigie.text import has_words

# Most urgent first: the order used to label and answer mixed messages.
PRIORITY = ["urgence", "detresse", "chantage", "photo_partagee", "demande_photos", "rencontre"]
_WORD = re.compile(r"[a-z]+")


def _distance_at_most(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance of a and b is <= limit (short-circuits on length)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


class _Rule:
    def __init__(self, spec: dict) -> None:
        self.patterns: List[Pattern] = compile_all(spec.get("patterns", []))
        self.unless: List[Pattern] = compile_all(spec.get("unless", []))
        self.cancel: List[Pattern] = compile_all(spec.get("cancel", []))
        self.fuzzy: List[str] = spec.get("fuzzy", [])

    def _fuzzy_hit(self, text: str) -> bool:
        for word in _WORD.findall(text):
            for keyword in self.fuzzy:
                limit = 1 if len(keyword) < 9 else 2
                if len(word) >= 6 and _distance_at_most(word, keyword, limit):
                    return True
        return False

    def matches(self, text: str) -> bool:
        if any(p.search(text) for p in self.cancel):
            return False
        # a figure of speech ("mes parents vont me tuer") is cut out, the rest is still checked
        text = _strip_matches(text, self.unless)
        return any(p.search(text) for p in self.patterns) or self._fuzzy_hit(text)


def _strip_matches(text: str, patterns: List[Pattern]) -> str:
    for pattern in patterns:
        text = pattern.sub(" ", text)
    return text


class _ThreatRule:
    def __init__(self, spec: dict) -> None:
        self.image = re.compile(spec["image"])
        self.threats = compile_all(spec["threat"])
        self.keep_intents = set(spec["keep_intents"])

    def matches(self, text: str) -> bool:
        return bool(self.image.search(text)) and any(p.search(text) for p in self.threats)


@functools.lru_cache(maxsize=None)
def _rules():
    lexicon = danger_lexicon()
    return _Rule(lexicon["urgence"]), _Rule(lexicon["detresse"]), _ThreatRule(lexicon["chantage"])


@functools.lru_cache(maxsize=None)
def _sms_words():
    table = danger_lexicon()["sms"]
    return table, re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, table)) + r")(?![\w'])")


def expand_sms(text: str) -> str:
    """'jveux' -> 'je veux', 'chui' -> 'je suis': one spelling for the patterns to match."""
    table, pattern = _sms_words()
    return pattern.sub(lambda match: table[match.group(1)], text)


def danger_trigger(text: str) -> Optional[str]:
    """'urgence' or 'detresse' when the normalised text says so, else None."""
    text = expand_sms(text)
    urgence, detresse, _ = _rules()
    if urgence.matches(text):
        return "urgence"
    if detresse.matches(text):
        return "detresse"
    return None


def safety_intent(text: str, predicted_intent: Optional[str]) -> Optional[str]:
    """The intent the safety net imposes on this message, or None to keep the prediction."""
    trigger = danger_trigger(text)
    if trigger and _rank(trigger) < _rank(predicted_intent):
        return trigger
    threat = _rules()[2]
    if predicted_intent not in threat.keep_intents and threat.matches(expand_sms(text)):
        return "chantage"
    return None


def _rank(intent: Optional[str]) -> int:
    return PRIORITY.index(intent) if intent in PRIORITY else len(PRIORITY)


@functools.lru_cache(maxsize=None)
def _language_words():
    spec = danger_lexicon()["languages"]
    return spec["min_hits"], frozenset(spec["foreign"]), frozenset(spec["french"])


def is_foreign_language(text: str) -> bool:
    """English or Dutch rather than French (a few common words decide)."""
    min_hits, foreign, french = _language_words()
    words = re.findall(r"[a-z']+", text)
    foreign_hits = sum(w in foreign for w in words)
    french_hits = sum(w in french for w in words)
    return foreign_hits >= min_hits and foreign_hits > 2 * french_hits


def is_wordless(text: str) -> bool:
    return not has_words(text)
