"""Real Rasa + action servers over HTTP (REST channel): the answers teens actually get."""
import re

import pytest

from tooling.processes import texts

PHONE = re.compile(r"\b\d{3}\b|\b\d{3} \d{3}\b|\d{4} \d{2} \d{3}")


def test_sextortion_answer_has_every_must_point(stack):
    answer = texts(stack.send("done-when", "il menace d'envoyer mes photos à mes potes si je paie pas")).lower()
    for point in ("ne paie pas", "preuves", "bloque", "adulte de confiance", "116 000", "ce n'est pas ta faute"):
        assert point in answer, point


def test_urgence_first_line_is_the_emergency_number(stack):
    answers = stack.send("urgent-be", "y a un mec devant chez moi il veut pas partir jai peur")
    assert answers[0]["text"].startswith("🚨 Appelle le 112")


@pytest.mark.parametrize("message", ["jveux plus vivre", "je pense a me suisider",
                                     "tout le monde serait mieux sans moi"])
def test_detresse_first_line_is_the_crisis_line(stack, message):
    answers = stack.send(f"distress-{hash(message)}", message)
    assert answers[0]["text"].startswith("📞 Appelle le 0800 32 123")


def test_country_switch_changes_the_next_numbers(stack):
    sender = "switch"
    assert "116 000" in texts(stack.send(sender, "quelqu'un me fait du chantage avec mes photos"))
    switched = texts(stack.send(sender, "je suis en france"))
    # the blackmail's key line and helplines again, with France's numbers
    assert "France" in switched and "ne paie pas" in switched and "116 000" not in switched
    assert "3018" in switched or "119" in switched
    after = texts(stack.send(sender, "il menace de publier ma video si je paie pas"))
    assert "en France" in after and "116 000" not in after and ("3018" in after or "119" in after)
    assert stack.send(sender, "au secours il est devant chez moi")[0]["text"].startswith("🚨 Appelle le 17")


def test_country_buttons_and_city_names(stack):
    stack.send("button", '/informer_pays{"pays":"QC"}')
    assert stack.send("button", "il est devant ma porte")[0]["text"] == "🚨 Appelle le 911 maintenant."
    stack.send("city", "j'habite à Lausanne")
    assert "147" in stack.send("city", "jveux mourir")[0]["text"]


def test_first_contact_says_vigie_is_a_bot(stack):
    assert "robot" in texts(stack.send("first", "un inconnu m'a ajouté sur snap"))
    assert "robot" in texts(stack.send("challenge", "t'es un vrai humain ?"))


def test_unclear_message_gets_buttons_and_a_helpline(stack):
    answers = stack.send("unclear", "gloubi boulga tralala")
    assert any(a.get("buttons") for a in answers)
    assert PHONE.search(texts(answers))
