"""A message that names two situations: the more serious is answered, the other offered at once."""
import functools
from typing import Dict, List, Optional, Tuple

from spacy.matcher import Matcher
from spacy.tokens import Doc

from vigie.danger import compile_rule, rank, rulebook, threat_found
from vigie.scenarios import PRIORITY
from vigie.lexicon import load_yaml


@functools.lru_cache(maxsize=None)
def situation_cues() -> dict:
    return load_yaml("lexicon/situations.yml")


_MATCHERS: Dict[int, Matcher] = {}


def _matcher(vocab) -> Matcher:
    if id(vocab) not in _MATCHERS:
        matcher = Matcher(vocab)
        for scenario, rules in situation_cues().items():
            for i, rule in enumerate(rules):
                matcher.add(f"{scenario}/{i}", [compile_rule(rule["pattern"])])
        _MATCHERS[id(vocab)] = matcher
    return _MATCHERS[id(vocab)]


def cued_situations(doc: Doc) -> List[str]:
    """The scenarios this message names by its words."""
    threat = threat_found(rulebook(doc.vocab).matches(doc))  # also gives the tokens their lemmas
    matcher = _matcher(doc.vocab)
    found = {matcher.vocab.strings[match_id].split("/")[0] for match_id, _, _ in matcher(doc)}
    if threat:
        found.add("chantage")
    return sorted(found, key=rank)


def two_situations(doc: Doc, predicted: Optional[str]) -> Tuple[Optional[str], Optional[str]]:
    """(intent to answer, other situation to offer) when the message names two, else (None, None).

    Only a predicted scenario takes part: a parent, a friend or a question keeps its answer."""
    if predicted not in PRIORITY:
        return None, None
    cued = set(cued_situations(doc))
    # a stranger is the way in, not the situation: it is offered, never answered instead
    leading = sorted((cued - {"inconnu_ajout"}) | {predicted}, key=rank)
    others = sorted((cued | {predicted}) - {leading[0]}, key=rank)
    if not others:
        return None, None
    return leading[0], others[0]
