"""Typed follow-ups: which follow-up question a message asks (lexicon/followups.yml).

A cue adds the follow-up's answer after the answer to the classified intent; it never changes
the intent itself (the classifier's labels keep their meaning)."""
import functools
from typing import Dict, List, Optional

from spacy.matcher import Matcher
from spacy.tokens import Doc

from vigie.danger import compile_rule, rulebook
from vigie.lexicon import load_yaml


@functools.lru_cache(maxsize=None)
def followup_cues() -> Dict[str, List[dict]]:
    return load_yaml("lexicon/followups.yml")


def followups() -> List[str]:
    """The follow-ups, in priority order (the first cued one wins)."""
    return list(followup_cues())


_MATCHERS: Dict[int, Matcher] = {}


def _matcher(vocab) -> Matcher:
    if id(vocab) not in _MATCHERS:
        matcher = Matcher(vocab)
        for name, cues in followup_cues().items():
            for i, cue in enumerate(cues):
                matcher.add(f"{name}/{i}", [compile_rule(cue["pattern"])])
        _MATCHERS[id(vocab)] = matcher
    return _MATCHERS[id(vocab)]


def cued_followups(doc: Doc) -> List[str]:
    """Every follow-up this message names, in priority order."""
    book = rulebook(doc.vocab)
    book.annotate(doc)  # plain forms and lemmas, as the danger rules read them
    matcher = _matcher(doc.vocab)
    found = {matcher.vocab.strings[match_id].split("/")[0] for match_id, _, _ in matcher(doc)}
    return [name for name in followups() if name in found]


def cued_followup(doc: Doc) -> Optional[str]:
    cued = cued_followups(doc)
    return cued[0] if cued else None
