"""Which country a message names ("je suis à Lausanne" -> CH), from lexicon/places.yml.

Country names and unambiguous towns count anywhere in the message. Towns that are also
everyday words ("nice", "tours", "spa") count only in a place phrase: after "à", after a verb
of living ("j'habite Tours", "je vis à Nice") or "près de"/"originaire de".
"""
import functools
import re
from typing import Dict, NamedTuple, Optional, Pattern

from vigie.lexicon import load_yaml

PLACES_FILE = "lexicon/places.yml"
# what comes before an everyday-word town for it to be a place (normalised text)
_PLACE_PHRASE = (r"(?:\ba|\b(?:habite|habites|habitons|habitez|habitent|vis|vit|vivons|vivez|vivent)(?:\s+a)?"
                 r"|\bpres\s+de|\b(?:viens|vient|originaire)\s+de)\s+")


class Place(NamedTuple):
    code: str   # country code, as in directory/helplines.yml
    start: int  # span of the place word in the normalised text
    end: int
    word: str


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def place_patterns() -> Dict[str, Pattern]:
    """One pattern per country code; group `place` is the place word."""
    patterns = {}
    for code, words in load_yaml(PLACES_FILE).items():
        alternatives = [rf"\b(?P<place>{_alternatives(words['names'])})\b"]
        if words.get("after_a_place"):
            alternatives.append(rf"{_PLACE_PHRASE}(?P<phrased>{_alternatives(words['after_a_place'])})\b")
        patterns[code] = re.compile("|".join(alternatives))
    return patterns


def find_country(normalized_text: str) -> Optional[Place]:
    """The first place the (normalised) text names, or None."""
    found = []
    for code, pattern in place_patterns().items():
        match = pattern.search(normalized_text)
        if match:
            group = "place" if match.group("place") else "phrased"
            found.append(Place(code, match.start(group), match.end(group), match.group(group)))
    return min(found, key=lambda place: place.start, default=None)
