"""The cue lexicons of one name per message (who writes: lexicon/writers.yml; the app named:
lexicon/apps.yml): every cue compiles, and each of its examples is found as its name alone."""
import pytest

from vigie.lexicon import load_yaml
from vigie.nlu.apps import APPS
from vigie.nlu.writer import WRITERS
from vigie.patterns import compile_rule, cues_found
from vigie.text import prepare

LEXICONS = (WRITERS, APPS)
EXAMPLES = [(lexicon, name, example) for lexicon in LEXICONS for name, cues in load_yaml(lexicon).items()
            for cue in cues for example in cue["examples"]]


@pytest.mark.parametrize("lexicon", LEXICONS)
def test_every_cue_compiles_and_has_examples(lexicon):
    for name, cues in load_yaml(lexicon).items():
        for cue in cues:
            assert set(cue) == {"pattern", "examples"} and cue["examples"], (name, cue)
            assert compile_rule(cue["pattern"])


@pytest.mark.parametrize("lexicon,name,example", EXAMPLES)
def test_each_example_is_found_as_its_name(nlp, lexicon, name, example):
    assert cues_found(nlp(prepare(example)), lexicon) == {name}
