"""Deterministic danger rules (lexicon/danger.yml, in the token syntax of vigie/patterns.py).

The statistical classifier can miss a danger message written in an unexpected way; these
rules make sure urgence and detresse always get their answer, and that a threat with
pictures gets the sextortion answer; their `unless` and `cancel` cases and laughter keep
figures of speech from alarming."""
import functools
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from vigie.lexicon import load_yaml
from vigie.patterns import PatternSet, annotate
from vigie.scenarios import IMMEDIATE, PRIORITY

MATCHED = "vigie_danger_matches"
_LIST_NAME = re.compile(r"\{([a-z_]+)\}")  # a word list of the lexicon's `lists`, by name


@dataclass
class Rule:
    key: str        # "urgence/3", "urgence/unless/0", "chantage/threat/2"
    pattern: str
    example: str


class Rulebook:
    """Every rule of lexicon/danger.yml, compiled for one spaCy vocabulary."""

    def __init__(self, lexicon: dict, vocab) -> None:
        self.lexicon = lexicon
        self.rules: Dict[str, Rule] = {}
        for key, spec in self._specs(lexicon):
            self.rules[key] = Rule(key, spec["pattern"], spec["example"])
        self.patterns = PatternSet({key: rule.pattern for key, rule in self.rules.items()}, vocab)
        self.keep_intents = frozenset(lexicon["chantage"]["keep_intents"])

    @staticmethod
    def _specs(lexicon: dict) -> Iterable[Tuple[str, dict]]:
        for key, spec in Rulebook._listed_specs(lexicon):
            yield key, {**spec, "pattern": _LIST_NAME.sub(lambda m: lexicon["lists"][m.group(1)], spec["pattern"])}

    @staticmethod
    def _listed_specs(lexicon: dict) -> Iterable[Tuple[str, dict]]:
        for intent in IMMEDIATE:
            for part in ("rules", "unless", "cancel", "ask"):
                for i, spec in enumerate(lexicon[intent].get(part, [])):
                    yield f"{intent}/{part}/{i}", spec
        for part in ("image", "threat", "alone", "unless"):
            for i, spec in enumerate(lexicon["chantage"].get(part, [])):
                yield f"chantage/{part}/{i}", spec
        for i, spec in enumerate(lexicon.get("joking", [])):
            yield f"joking/{i}", spec

    def matches(self, doc: Doc) -> Dict[str, List[Tuple[int, int]]]:
        """Rule key -> token spans where it matches (once per doc: the safety net and the
        two-situation cues both ask)."""
        if MATCHED not in doc.user_data:
            doc.user_data[MATCHED] = self.patterns.matches(annotate(doc))
        return doc.user_data[MATCHED]


def _spans(found: Dict[str, List[Tuple[int, int]]], prefix: str) -> List[Tuple[int, int]]:
    return [span for key, spans in found.items() if key.startswith(prefix) for span in spans]


def _inside(span: Tuple[int, int], others: Sequence[Tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in others)


def _triggered(found, intent: str, part: str = "rules") -> bool:
    """A rule of `intent` (of its `rules`, or of its `ask` rules) matched outside every figure
    of speech, and nothing cancels it."""
    if _spans(found, f"{intent}/cancel/"):
        return False
    figures = _spans(found, f"{intent}/unless/")
    return any(not _inside(span, figures) for span in _spans(found, f"{intent}/{part}/"))


def joking(found) -> bool:
    """Laughter somewhere in the message ("jvais me pendre mdr", "pour rigoler"): its danger
    words are evidence enough to ask, never to alarm."""
    return bool(_spans(found, "joking/"))


def danger_asked(doc: Doc) -> Optional[str]:
    """'urgence' or 'detresse' when a warning sign that may be something else is there (a
    plain "au secours", things given away, a danger rule in a laughing message): the message
    is asked about, not answered."""
    found = rulebook(doc.vocab).matches(doc)
    return next((intent for intent in IMMEDIATE if _triggered(found, intent, "ask")
                 or (joking(found) and _triggered(found, intent))), None)


def danger_found(found) -> Optional[str]:
    """'urgence' or 'detresse' when a rule says so in a message that does not laugh, else None."""
    if joking(found):
        return None
    return next((intent for intent in IMMEDIATE if _triggered(found, intent)), None)


def threat_found(found) -> bool:
    """Pictures and a threat or a money demand in the same message, or a sextortion on its own."""
    return (bool(_spans(found, "chantage/image/")) and _outside_figures(found, "threat")) or \
        _outside_figures(found, "alone")


def _outside_figures(found, part: str) -> bool:
    figures = _spans(found, "chantage/unless/")
    return any(not _inside(span, figures) for span in _spans(found, f"chantage/{part}/"))


# what a teen lives through that turns a warning sign of despair into despair
WEIGHING = {"chantage", "photo_partagee", "harcelement"}


def _despair_under_threat(found, predicted: Optional[str]) -> Optional[str]:
    """A warning sign of despair ("j'ai envie de disparaître") told with a blackmail, a shared
    picture or harassment is despair: the case that kills teenagers gets the crisis line first,
    the other situation's line after."""
    weighed = threat_found(found) or predicted in WEIGHING
    if weighed and not joking(found) and _triggered(found, "detresse", "ask"):
        return "detresse"
    return None


def rank(intent: Optional[str]) -> int:
    return PRIORITY.index(intent) if intent in PRIORITY else len(PRIORITY)


def imposed_intent(found, predicted: Optional[str], keep_intents: frozenset) -> Optional[str]:
    """The intent the rules impose on this message (the prediction itself when they confirm it,
    so that a hesitant classifier cannot fall back), or None to keep the prediction as it is."""
    danger = danger_found(found) or _despair_under_threat(found, predicted)
    if danger and rank(danger) <= rank(predicted):
        return danger
    if (predicted == "chantage" or predicted not in keep_intents) and threat_found(found):
        return "chantage"
    return None


@functools.lru_cache(maxsize=None)
def danger_lexicon() -> dict:
    return load_yaml("lexicon/danger.yml")


_RULEBOOKS: Dict[int, Rulebook] = {}


def rulebook(vocab) -> Rulebook:
    """One compiled rulebook per spaCy vocabulary (the Matcher is bound to it)."""
    if id(vocab) not in _RULEBOOKS:
        _RULEBOOKS[id(vocab)] = Rulebook(danger_lexicon(), vocab)
    return _RULEBOOKS[id(vocab)]


def safety_intent(doc: Doc, predicted: Optional[str]) -> Optional[str]:
    book = rulebook(doc.vocab)
    return imposed_intent(book.matches(doc), predicted, book.keep_intents)


FIGURE, LAUGHTER = "figure", "laughter"


def figure_of_speech(doc: Doc, intent: str) -> Optional[str]:
    """FIGURE if the message holds one of `intent`'s figures of speech (its `unless` or `cancel`
    rules: "mourir de honte", "enfermé dehors", "au secours" about a game level), else LAUGHTER
    if it laughs ("mdr", "💀"), else None."""
    found = rulebook(doc.vocab).matches(doc)
    if intent == "chantage":
        return FIGURE if _spans(found, "chantage/unless/") else None
    if _spans(found, f"{intent}/unless/") + _spans(found, f"{intent}/cancel/"):
        return FIGURE
    return LAUGHTER if joking(found) else None


FIRST_PERSON = {"je", "j'", "j", "me", "m'", "m", "moi", "mon", "ma", "mes"}
THIRD_PERSON = {"se", "s'", "s", "il", "elle", "lui", "sa", "son", "ses", "ils", "elles"}
# the subject just before a rule's words says whose despair it is ("je veux que tout s'arrête")
SUBJECTS = {"je", "j'", "j", "moi", "il", "elle", "ils", "elles", "lui"}
REFLEXIVE = {"se", "s'", "s"}
IMPERSONAL = {"tout", "ca", "ça", "cela", "on", "rien"}  # "que tout s'arrête" is nobody's "se"


def _person_words(doc: Doc, start: int, end: int) -> set:
    """The words of a matched span that say whose it is, with the subject just before it. A
    reflexive says nothing about the person after an impersonal subject ("que tout s'arrête")
    or before an infinitive ("de jamais se réveiller")."""
    words = {token.lower_ for token in doc[max(0, start - 3):start]} & SUBJECTS
    for token in doc[start:end]:
        if token.lower_ in REFLEXIVE:
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if (token.i > 0 and doc[token.i - 1].lower_ in IMPERSONAL) or (
                    after is not None and "Inf" in after.morph.get("VerbForm")):
                continue
        words.add(token.lower_)
    return words


def despair_of(doc: Doc) -> Optional[str]:
    """Whose despair the matched rules speak of: "self" if one says je/me ("je me coupe"),
    "other" if every one says il/elle/se ("elle se fait du mal"), None if they do not say."""
    found = rulebook(doc.vocab).matches(doc)
    figures = _spans(found, "detresse/unless/")
    spans = [span for span in _spans(found, "detresse/rules/") if not _inside(span, figures)]
    words = [_person_words(doc, start, end) for start, end in spans]
    if any(w & FIRST_PERSON for w in words):
        return "self"
    return "other" if words and all(w & THIRD_PERSON for w in words) else None


def blackmail_told(doc: Doc) -> bool:
    """The blackmail rules match: pictures and a threat or a money demand, or a sextortion alone."""
    return threat_found(rulebook(doc.vocab).matches(doc))


def danger_trigger(doc: Doc) -> Optional[str]:
    return danger_found(rulebook(doc.vocab).matches(doc))
