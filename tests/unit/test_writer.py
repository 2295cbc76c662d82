"""Who is writing (lexicon/writers.yml): an adult about their child or pupil is recognised, a
teen who mentions their parents is not."""
import pytest

from vigie.patterns import compile_rule, cues_found
from vigie.lexicon import load_yaml
from vigie.nlu.writer import WRITERS
from vigie.text import prepare

CUES = load_yaml(WRITERS)
EXAMPLES = [(name, example) for name, cues in CUES.items() for cue in cues for example in cue["examples"]]
TEENS = ["mes parents divorcent et je sais pas chez qui je vais vivre", "ma mère a vu mes messages",
         "mon père m'a confisqué mon tel", "le fils de la voisine me harcèle sur snap",
         "ma pote a envoyé une photo à son copain", "je suis en 4e et un élève de 3e me menace",
         "mon frère a reçu un mail de chantage"]


def test_every_cue_compiles_and_has_examples():
    for cues in CUES.values():
        for cue in cues:
            assert set(cue) == {"pattern", "examples"} and cue["examples"]
            assert compile_rule(cue["pattern"])


@pytest.mark.parametrize("name,example", EXAMPLES)
def test_an_adult_about_their_child_or_pupil_is_recognised(nlp, name, example):
    assert cues_found(nlp(prepare(example)), WRITERS) == {name}


@pytest.mark.parametrize("message", TEENS)
def test_a_teen_who_mentions_adults_is_not_one(nlp, message):
    assert not cues_found(nlp(prepare(message)), WRITERS)
