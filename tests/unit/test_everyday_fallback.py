"""The everyday answer instead of "je n'ai pas bien compris" (vigie/nlu/everyday.py), on the real
pipeline step with spaCy's docs."""
import pytest
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.nlu.everyday import EverydayFallback
from vigie.text import prepare


@pytest.fixture(scope="module")
def answer(nlp):
    def run(text, ranking):
        message = Message(data={TEXT: text})
        message.set(SPACY_DOCS[TEXT], nlp(prepare(text)))
        message.set(INTENT, {"name": "nlu_fallback", "confidence": 0.35})
        message.set(INTENT_RANKING_KEY, [{"name": "nlu_fallback", "confidence": 0.35}]
                    + [{"name": n, "confidence": c} for n, c in ranking])
        EverydayFallback.process(None, [message])
        return message.get(INTENT)["name"]
    return run


def test_two_everyday_guesses_get_the_everyday_answer(answer):
    assert answer("jsuis stressée pour le brevet", [("autre_souci", 0.3), ("hors_sujet", 0.28)]) == "autre_souci"


def test_a_long_message_with_an_everyday_guess_gets_the_everyday_answer(answer):
    text = "les gens à l'école savent pas que j'habite en foyer, j'ai peur qu'ils l'apprennent"
    assert answer(text, [("harcelement", 0.3), ("autre_souci", 0.25)]) == "autre_souci"


def test_a_short_message_stays_not_understood(answer):
    assert answer("bof le truc là", [("harcelement", 0.3), ("autre_souci", 0.25)]) == "nlu_fallback"


def test_a_long_follow_up_question_is_left_to_the_follow_ups(answer):
    text = "est-ce que je vais avoir des ennuis avec la police pour ça ou pas du tout"
    assert answer(text, [("ennuis", 0.3), ("autre_souci", 0.25)]) == "nlu_fallback"
