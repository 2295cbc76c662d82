"""Every rule of lexicon/danger.yml compiles and matches its own example; whose despair a match speaks of."""
import pytest

from vigie.danger import Rulebook, danger_lexicon, despair_of, rulebook
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


@pytest.mark.parametrize("text, whose", [
    ("je me coupe les bras le soir", "self"),
    ("il me fait chanter depuis des semaines et je veux juste que tout s'arrête pour de bon", "self"),
    ("jen peux plus jveux que tout sarrete pour de bon", "self"),
    ("ma pote dit qu'elle veut que tout s'arrête pour de bon", "other"),
    ("mon pote m'a dit qu'il va se tuer ce week-end", "other"),
    ("est ce que ça fait mal de s'endormir et de jamais se réveiller", None),
])
def test_whose_despair(nlp, text, whose):
    """The words before a rule's match say whose despair it is; "que tout s'arrête" is nobody's."""
    assert despair_of(nlp(prepare(text))) == whose
