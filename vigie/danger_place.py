"""Where a teen in immediate danger is, from the message's words (lexicon/danger_places.yml): the
urgence answer's safety advice fits the place."""
from typing import Optional

from spacy.tokens import Doc

from vigie.patterns import cues_found
from vigie.lexicon import load_yaml

DANGER_PLACES = "lexicon/danger_places.yml"


def place_of(doc: Doc) -> Optional[str]:
    """The first place of lexicon/danger_places.yml the message names (enferme, dedans, dehors, ecole,
    maison), or None."""
    found = cues_found(doc, DANGER_PLACES)
    return next((place for place in load_yaml(DANGER_PLACES) if place in found), None)
