"""A message that names two situations: the more serious is answered, the other offered at once."""
import functools
from typing import List, Optional, Tuple

from spacy.tokens import Doc

from vigie.danger import rank, rulebook, threat_found
from vigie.patterns import cues_found
from vigie.scenarios import PRIORITY
from vigie.lexicon import load_yaml


SITUATIONS = "lexicon/situations.yml"


@functools.lru_cache(maxsize=None)
def situation_cues() -> dict:
    return load_yaml(SITUATIONS)


def cued_situations(doc: Doc) -> List[str]:
    """The scenarios this message names by its words."""
    return sorted(cues_found(doc, SITUATIONS) | _threat_with_pictures(doc), key=rank)


def _threat_with_pictures(doc: Doc) -> set:
    return {"chantage"} if threat_found(rulebook(doc.vocab).matches(doc)) else set()


def two_situations(doc: Doc, predicted: Optional[str]) -> Tuple[Optional[str], Optional[str]]:
    """(intent to answer, other situation to offer) when the message names two, else (None, None).

    Only a predicted scenario takes part: a parent, a friend or a question keeps its answer."""
    if predicted not in PRIORITY:
        return None, None
    cued = set(cued_situations(doc))
    # a stranger is the way in, not the situation, and blackmail named without pictures may be
    # about homework: both are offered, never answered instead
    offered_only = {"inconnu_ajout"} | ({"chantage"} - _threat_with_pictures(doc))
    leading = sorted((cued - offered_only) | {predicted}, key=rank)
    others = sorted((cued | {predicted}) - {leading[0]}, key=rank)
    if not others:
        return None, None
    return leading[0], others[0]
