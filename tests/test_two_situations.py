"""A message that names two situations: the more serious is answered, the other offered at once
(real Rasa and action servers over REST; the words come from domain/domain.yml's utter_aussi_*)."""
import pytest

from tooling.processes import texts

CASES = [
    ("un inconnu m'a ajouté sur snap et il me demande des photos de moi",
     "tu as le droit de dire non", "Et pour cette personne que tu ne connais pas"),
    ("il me demande encore des photos et il menace de publier celles que j'ai deja envoyees si je dis non",
     "ne paie pas", "Et pour les photos qu'on te demande"),
    ("un gars que je connais pas m'a ecrit sur insta et il veut me voir en vrai samedi",
     "seul", "Et pour cette personne que tu ne connais pas"),
    ("ma photo tourne deja dans le groupe de la classe et il menace d'en publier d'autres si je paie pas",
     "ne paie pas", "Et si ta photo circule déjà"),
]


@pytest.mark.parametrize("message, first_answer, offer", CASES)
def test_the_more_serious_first_then_the_other_offered(stack, message, first_answer, offer):
    answers = stack.send(f"two-{abs(hash(message))}", message)
    words = texts(answers)
    assert first_answer.lower() in words.lower()
    assert offer in words
    offered = next(a for a in answers if a.get("text", "").startswith(offer))
    assert offered.get("buttons"), "the other situation comes with its button"


def test_one_situation_gets_no_offer(stack):
    words = texts(stack.send("two-none", "un gars sur snap me demande des nudes"))
    assert "Et pour cette personne" not in words and "Et pour le chantage" not in words


@pytest.mark.parametrize("country,crisis,sextortion", [
    ("BE", "0800 32 123", "116 000"), ("FR", "3114", "3018|119"), ("CH", "147", "147"),
    ("QC", "1 866 277-3553", "1 800 263-2266"), ("LU", "112", "8002 1234")])
def test_sextortion_with_despair_gets_the_crisis_line_first_and_the_sextortion_points(stack, country, crisis,
                                                                                    sextortion):
    """The deadliest case: the crisis line first, then in the same answer: don't pay, not your
    fault, the images can be removed, and the country's sextortion line."""
    sender = f"two-deadly-{country}"
    stack.send(sender, f'/informer_pays{{"pays":"{country}"}}')
    answers = stack.send(sender, "il me fait chanter depuis 1 semaine et j'en peux plus, j'ai envie de disparaître")
    assert crisis in answers[0]["text"].splitlines()[0]
    words = texts(answers)
    for point in ("ne paie pas", "pas ta faute", "peuvent être retirées"):
        assert point in words, point
    assert any(line in words for line in sextortion.split("|"))  # the 3018 closes at night
