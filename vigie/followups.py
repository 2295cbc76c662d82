"""Typed follow-ups: which follow-up question a message asks (lexicon/followups.yml).

A cue adds the follow-up's answer after the answer to the classified intent; it never changes
the intent itself (the classifier's labels keep their meaning)."""
import functools
from typing import Dict, List, Optional

from spacy.tokens import Doc

from vigie.patterns import cues_found
from vigie.lexicon import load_yaml


FOLLOWUPS = "lexicon/followups.yml"


@functools.lru_cache(maxsize=None)
def followup_cues() -> Dict[str, List[dict]]:
    return load_yaml(FOLLOWUPS)


def followups() -> List[str]:
    """The follow-ups, in priority order (the first cued one wins)."""
    return list(followup_cues())


def cued_followups(doc: Doc) -> List[str]:
    """Every follow-up this message names, in priority order."""
    found = cues_found(doc, FOLLOWUPS)
    return [name for name in followups() if name in found]


def cued_followup(doc: Doc) -> Optional[str]:
    cued = cued_followups(doc)
    return cued[0] if cued else None
