"""Reads the project's YAML data files (lexicons, helpline directory) and the place patterns."""
import functools
import re
from typing import Dict, Pattern

import yaml

from vigie import PROJECT_ROOT


def load_yaml(relative_path: str) -> dict:
    with open(PROJECT_ROOT / relative_path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.lru_cache(maxsize=None)
def place_patterns() -> Dict[str, Pattern]:
    """One pattern per country code, matching any of its place words as whole words."""
    places = load_yaml("lexicon/places.yml")
    return {
        code: re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        for code, words in places.items()
    }
