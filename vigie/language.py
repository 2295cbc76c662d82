"""Is a message French at all? (other languages and wordless messages get their own answer)"""
import functools
import re

from vigie.lexicon import load_yaml
from vigie.text import has_words

_WORDS = re.compile(r"[a-z']+")


@functools.lru_cache(maxsize=None)
def _language_words():
    spec = load_yaml("lexicon/languages.yml")
    return spec["min_hits"], frozenset(spec["foreign"]), frozenset(spec["french"])


def is_foreign_language(normalized_text: str) -> bool:
    """English or Dutch rather than French (a few common words decide)."""
    min_hits, foreign, french = _language_words()
    words = _WORDS.findall(normalized_text)
    foreign_hits = sum(w in foreign for w in words)
    french_hits = sum(w in french for w in words)
    return foreign_hits >= min_hits and foreign_hits > 2 * french_hits


def is_wordless(text: str) -> bool:
    return not has_words(text)
