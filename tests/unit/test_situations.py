"""Messages that name two situations (lexicon/situations.yml, vigie/situations.py)."""
import pytest

from vigie.patterns import compile_rule
from vigie.situations import cued_situations, situation_cues, two_situations
from vigie.text import prepare

CUES = [(scenario, i, rule) for scenario, rules in situation_cues().items() for i, rule in enumerate(rules)]


@pytest.mark.parametrize("scenario, index, rule", CUES, ids=[f"{s}/{i}" for s, i, _ in CUES])
def test_every_cue_matches_its_example(nlp, scenario, index, rule):
    assert compile_rule(rule["pattern"])
    assert scenario in cued_situations(nlp(prepare(rule["example"]))), rule


@pytest.mark.parametrize("text, predicted, expected", [
    ("un inconnu m'a ajouté et il me demande des photos", "inconnu_ajout", ("demande_photos", "inconnu_ajout")),
    ("il veut des nudes et il menace de publier mes photos si je refuse", "demande_photos",
     ("chantage", "demande_photos")),
    ("un gars que je connais pas veut me voir en vrai samedi", "rencontre", ("rencontre", "inconnu_ajout")),
    ("ma photo tourne au lycee et il menace d'en poster d'autres si je paie pas", "photo_partagee",
     ("chantage", "photo_partagee")),
    ("tous les jours ils m'insultent sur le groupe de classe et je veux plus vivre", "detresse",
     ("detresse", "harcelement")),
    ("ma photo a été partagée dans le groupe et depuis tout le monde m'insulte", "photo_partagee",
     ("photo_partagee", "harcelement")),
])
def test_the_more_serious_is_answered_and_the_other_offered(nlp, text, predicted, expected):
    assert two_situations(nlp(prepare(text)), predicted) == expected


@pytest.mark.parametrize("text, predicted", [
    ("un gars sur snap me demande des nudes", "demande_photos"),
    ("ma fille reçoit des demandes de photos d'un inconnu", "parent_inquiet"),   # adults keep their answer
    ("comment je bloque quelqu'un que je connais pas sur insta", "signaler_bloquer"),
])
def test_one_situation_or_not_a_scenario_changes_nothing(nlp, text, predicted):
    assert two_situations(nlp(prepare(text)), predicted) == (None, None)
