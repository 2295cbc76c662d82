"""Vigie's Rasa domain is a folder (`--domain domain`): Rasa merges every YAML file in it, the
hand-written domain/domain.yml and domain/countries.yml, generated from the helpline directory
(scripts/country_answers.py)."""
from vigie import PROJECT_ROOT
from vigie.lexicon import load_yaml

DOMAIN_DIR = PROJECT_ROOT / "domain"


def domain_yaml() -> dict:
    """The domain's files merged as plain YAML, without loading Rasa: lists joined, mappings
    united. A name defined in two files is an error (Rasa would keep one of them silently)."""
    merged: dict = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        for key, value in (load_yaml(str(path.relative_to(PROJECT_ROOT))) or {}).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                both = merged.setdefault(key, {}).keys() & value.keys()
                if both:
                    raise ValueError(f"{path.name}: {key} {sorted(both)} already defined in another domain file")
                merged[key].update(value)
            else:
                merged.setdefault(key, value)
    return merged
