"""Typed follow-ups (lexicon/followups.yml): every cue matches its examples, nothing fires on
the scenario messages themselves, and every follow-up has its intent, rule and response."""
import pytest
import yaml

from vigie import PROJECT_ROOT
from vigie.patterns import compile_rule
from vigie.domain_files import domain_yaml
from vigie.followups import cued_followups, followup_cues
from vigie.text import prepare

DOMAIN = domain_yaml()
RULES = yaml.safe_load(open(PROJECT_ROOT / "data/rules/suites.yml", encoding="utf-8"))["rules"]
EXAMPLES = [(name, example) for name, cues in followup_cues().items()
            for cue in cues for example in cue["examples"]]

# scenario messages that name no follow-up: a cue must not fire on them
PLAIN = ["il menace d'envoyer mes photos à mes potes si je paie pas", "quelqu'un me fait du chantage avec mes photos",
         "un inconnu m'a ajouté sur snap", "je veux mourir", "il est devant chez moi", "il me demande des photos",
         "ma photo tourne dans tout le college", "mon fils est victime de chantage", "qui appeler",
         "comment bloquer sur insta", "il veut me voir en vrai samedi", "j'ai reçu une photo de son zizi",
         "on se moque de moi en classe", "il va publier mes nudes si je lui donne pas 200 euros",
         "mon ami se fait harceler", "je suis en France", "merci beaucoup",
         "il me demande encore des photos et il menace de publier celles que j'ai deja envoyees si je dis non"]


def test_every_cue_compiles_and_has_examples():
    for name, cues in followup_cues().items():
        for cue in cues:
            assert set(cue) == {"pattern", "examples"} and cue["examples"], (name, cue)
            assert compile_rule(cue["pattern"])


@pytest.mark.parametrize("name,example", EXAMPLES)
def test_example_is_recognised_as_its_follow_up(nlp, name, example):
    assert cued_followups(nlp(prepare(example)))[:1] == [name]


@pytest.mark.parametrize("message", PLAIN)
def test_no_cue_on_plain_scenario_messages(nlp, message):
    assert cued_followups(nlp(prepare(message))) == []


@pytest.mark.parametrize("name", list(followup_cues()))
def test_every_follow_up_has_an_intent_a_rule_and_a_response(name):
    assert name in DOMAIN["intents"]
    assert f"utter_{name}" in DOMAIN["responses"]
    assert any(rule["steps"][0] == {"intent": name} for rule in RULES)


def test_every_follow_up_button_leads_to_a_known_intent():
    for response in DOMAIN["responses"].values():
        for variant in response:
            for button in variant.get("buttons", []):
                intent = button["payload"].lstrip("/").split("{")[0]
                assert intent in DOMAIN["intents"], button
