"""Every rule of lexicon/danger.yml compiles and matches its own example."""
import pytest

from vigie.danger import Rulebook, danger_lexicon, rulebook
from vigie.patterns import compile_rule
from vigie.scenarios import IMMEDIATE
from vigie.text import prepare

RULES = list(Rulebook._specs(danger_lexicon()))


@pytest.mark.parametrize("key", [key for key, _ in RULES])
def test_pattern_compiles(key):
    spec = dict(RULES)[key]
    assert compile_rule(spec["pattern"])
    assert spec["example"].strip(), f"{key} has no example"


@pytest.mark.parametrize("key", [key for key, _ in RULES])
def test_example_matches_its_rule(nlp, key):
    spec = dict(RULES)[key]
    doc = nlp(prepare(spec["example"]))
    found = rulebook(doc.vocab).matches(doc)
    assert key in found, f"{key}: {spec['pattern']!r} does not match {spec['example']!r}"


def test_every_rule_has_pattern_and_example():
    lexicon = danger_lexicon()
    groups = [lexicon[intent].get(part, []) for intent in IMMEDIATE
              for part in ("rules", "unless", "cancel", "ask")]
    groups += [lexicon["chantage"].get(part, []) for part in ("image", "threat", "alone", "unless")]
    for specs in groups:
        for spec in specs:
            assert set(spec) == {"pattern", "example"}, spec
