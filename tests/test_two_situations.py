"""A message that names two situations: the more serious is answered, the other offered at once
(real Rasa and action servers over REST; the words come from domain.yml's utter_aussi_*)."""
import pytest

from vigie.processes import texts

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
    assert "Et pour cette personne" not in words and "Et s'il te menace" not in words
