"""Apps named (lexicon/apps.yml) and the blocking steps that start with the named one."""
import pytest

from actions.bloquer import named_app_first
from vigie.patterns import cues_found
from vigie.lexicon import load_yaml
from vigie.nlu.apps import APPS
from vigie.text import prepare

CUES = load_yaml(APPS)
STEPS = "Pour bloquer :\n• Instagram : profil.\n• Snapchat : appui long.\n• TikTok : profil."


@pytest.mark.parametrize("message", ["il m'a ajouté hier soir", "on est dans le même club de foot"])
def test_no_app_where_none_is_named(nlp, message):
    assert not cues_found(nlp(prepare(message)), APPS)


def test_the_named_app_leads_the_steps():
    assert named_app_first(STEPS, "Snapchat") == \
        "Pour bloquer :\n• Snapchat : appui long.\n• Instagram : profil.\n• TikTok : profil."
    assert named_app_first(STEPS, "Instagram") == STEPS
    assert named_app_first(STEPS, None) == STEPS
    assert named_app_first(STEPS, "Roblox") == STEPS


def test_every_app_has_its_steps_in_the_answers():
    responses = load_yaml("domain/domain.yml")["responses"]["utter_bloquer_apps"]
    for variant in responses:
        for app in CUES:
            assert f"\n• {app} :" in variant["text"], (app, variant["text"])
