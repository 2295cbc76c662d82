"""Loads the YAML lexicons (places, danger triggers) and the helpline directory."""
import functools
import re
from typing import Dict, List, Pattern

import yaml

from vigie import PROJECT_ROOT


def load_yaml(relative_path: str) -> dict:
    with open(PROJECT_ROOT / relative_path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def compile_all(patterns: List[str]) -> List[Pattern]:
    return [re.compile(pattern) for pattern in patterns]


@functools.lru_cache(maxsize=None)
def danger_lexicon() -> dict:
    return load_yaml("lexicon/danger.yml")


@functools.lru_cache(maxsize=None)
def place_patterns() -> Dict[str, Pattern]:
    """One pattern per country code, matching any of its place words as whole words."""
    places = load_yaml("lexicon/places.yml")
    return {
        code: re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        for code, words in places.items()
    }
