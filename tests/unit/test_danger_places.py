"""Where a teen in immediate danger is (lexicon/danger_places.yml): each rule matches its
example, and the first place listed wins."""
import pytest

from vigie.danger_place import DANGER_PLACES, place_of
from vigie.lexicon import load_yaml
from vigie.text import prepare

EXAMPLES = [(place, rule["example"]) for place, rules in load_yaml(DANGER_PLACES).items() for rule in rules]


@pytest.mark.parametrize("place,example", EXAMPLES)
def test_example_names_its_place(nlp, place, example):
    assert place_of(nlp(prepare(example))) == place


@pytest.mark.parametrize("text,place", [
    ("il est en bas de chez moi et il sonne", "maison"),       # stay in: not "go to a shop"
    ("y a une voiture garée devant chez moi depuis 1h", "maison"),
    ("je suis enfermée dans une chambre", "enferme"),          # cannot leave: say where you are
    ("il me suit jusqu'à chez moi", "dehors"),                 # followed home: do not go home alone
    ("il est rentré chez moi", "dedans"),
    ("il m'attend à la sortie du collège", "ecole"),
    ("au secours", None),
])
def test_the_place_of_a_danger(nlp, text, place):
    assert place_of(nlp(prepare(text))) == place
