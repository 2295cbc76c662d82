"""Who is writing (lexicon/writers.yml): an adult about their child or pupil is recognised, a
teen who mentions their parents is not."""
import pytest

from vigie.patterns import cues_found
from vigie.nlu.writer import WRITERS
from vigie.text import prepare

TEENS = ["mes parents divorcent et je sais pas chez qui je vais vivre", "ma mère a vu mes messages",
         "mon père m'a confisqué mon tel", "le fils de la voisine me harcèle sur snap",
         "ma pote a envoyé une photo à son copain", "je suis en 4e et un élève de 3e me menace",
         "mon frère a reçu un mail de chantage"]


@pytest.mark.parametrize("message", TEENS)
def test_a_teen_who_mentions_adults_is_not_one(nlp, message):
    assert not cues_found(nlp(prepare(message)), WRITERS)
