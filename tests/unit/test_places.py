"""Places set the country only when they are places (lexicon/places.yml, vigie.places)."""
import pytest

from vigie.directory import COUNTRIES
from vigie.lexicon import load_yaml
from vigie.places import PLACES_FILE, find_country
from vigie.text import normalize


def country_of(text: str):
    place = find_country(normalize(text))
    return place.code if place else None


@pytest.mark.parametrize("text, code", [
    ("je suis à Nice", "FR"), ("j'habite Tours", "FR"), ("j'habite à Tours", "FR"), ("je vis à Spa", "BE"),
    ("je viens de Nice", "FR"), ("près de Laval", "QC"), ("on habite Lux", "LU"),
    ("je suis en France", "FR"), ("Liège", "BE"), ("j'habite à Lausanne", "CH"), ("MONTRÉAL", "QC"),
    ("je suis à la Chaux-de-Fonds", "CH"), ("en Belgique mais je pense à Nice", "BE"),
])
def test_a_place_sets_its_country(text, code):
    assert country_of(text) == code


@pytest.mark.parametrize("text", [
    "c'est nice", "trois tours de manège", "au spa avec ma mère", "je suis au spa", "mon kot est nul",
    "lux et calme", "il fait des tours en scooter", "nice !", "une lampe de 300 lux", "bonne nuit",
])
def test_an_everyday_word_sets_no_country(text):
    assert country_of(text) is None


def test_the_span_is_the_place_word():
    text = normalize("j'habite à Tours depuis un an")
    place = find_country(text)
    assert text[place.start:place.end] == "tours" == place.word


def test_each_word_is_listed_once_under_a_known_country():
    places = load_yaml(PLACES_FILE)
    assert set(places) <= set(COUNTRIES)
    words = [w for lists in places.values() for key in ("names", "after_a_place") for w in lists.get(key, [])]
    assert len(words) == len(set(words)), sorted({w for w in words if words.count(w) > 1})
    assert all(w == normalize(w) for w in words)
