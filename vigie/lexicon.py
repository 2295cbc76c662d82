"""Reads the project's YAML data files (lexicons, helpline directory) and fingerprints them."""
import hashlib
from pathlib import Path

import yaml

from vigie import PROJECT_ROOT

LEXICON_DIR = PROJECT_ROOT / "lexicon"


# libyaml's loader when PyYAML was built with it: the danger rules parse ten times faster
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(relative_path: str) -> dict:
    with open(PROJECT_ROOT / relative_path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)


def lexicon_fingerprint(directory: Path = LEXICON_DIR) -> str:
    """Hash of every lexicon file. The lists are read at run time, not stored in the model, and
    Rasa's fingerprint does not see them: the Makefile retrains when this hash changes."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.y*ml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


if __name__ == "__main__":
    print(lexicon_fingerprint())
