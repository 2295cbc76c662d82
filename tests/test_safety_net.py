"""The deterministic safety net, on real teen wordings (lexicon/danger.yml, vigie/safety.py)."""
import pytest

from vigie.safety import danger_trigger, expand_sms, is_foreign_language, is_wordless, safety_intent
from vigie.text import normalize


def trigger(text):
    return danger_trigger(normalize(text))


@pytest.mark.parametrize("text", [
    "il est devant chez moi la maintenant",
    "Y'a un mec qui me suit depuis le bus, j'ai peur",
    "chui enfermée dans sa chambre il veut pas me laisser partir",
    "il a dit qu'il arrive, il sait où j'habite",
    "AIDEZ MOI il essaie de rentrer chez moi",
    "il m'attend à la sortie de l'école depuis 1h",
    "il m'a attrapé le bras à l'arrêt de bus",
])
def test_immediate_danger_is_urgence(text):
    assert trigger(text) == "urgence"


@pytest.mark.parametrize("text", [
    "jveux mourir",
    "j'ai plus envie de vivre",
    "je pense à me suicider",
    "je veux me suisider",          # typo
    "je me scarifie depuis des mois",
    "Tout le monde serait mieux sans moi",
    "s'il publie les photos je me tue",
    "ya aucune solution autant que je meure",
])
def test_suicidal_thoughts_and_self_harm_are_detresse(text):
    assert trigger(text) == "detresse"


@pytest.mark.parametrize("text", [
    "mes parents vont me tuer s'ils voient ça",
    "jsuis morte de rire mdr",
    "il me suit sur insta depuis hier",
    "mon chien me suit partout",
    "a plus",
    "il m'a tué dans fortnite",
    "le livreur a sonné chez moi",
    "il arrive à la maison ce soir, c'est mon père",
])
def test_figures_of_speech_are_not_danger(text):
    assert trigger(text) is None


def test_sms_spellings_are_expanded_as_whole_words_only():
    assert expand_sms("chui triste jveux pu") == "je suis triste je veux plus"
    assert expand_sms("c'est fini") == "c'est fini"  # "c" before an apostrophe is left alone


def test_danger_outranks_any_prediction():
    assert safety_intent(normalize("il me fait chanter et jveux mourir"), "chantage") == "detresse"
    assert safety_intent(normalize("il est devant chez moi et jveux mourir"), "detresse") == "urgence"


def test_a_threat_mixed_with_a_milder_topic_gets_the_sextortion_answer():
    text = normalize("un inconnu m'a ajouté et il dit qu'il va envoyer mes photos à mes potes si je paie pas")
    assert safety_intent(text, "inconnu_ajout") == "chantage"
    assert safety_intent(text, "demande_photos") == "chantage"


def test_money_demand_with_pictures_is_chantage():
    assert safety_intent(normalize("il veut 200€ en paysafecard pour pas publier la vidéo"), "hors_sujet") == "chantage"


def test_the_safety_net_never_lowers_a_prediction():
    assert safety_intent(normalize("il menace de publier mes photos"), "urgence") is None
    # a parent or a friend telling about a threat keeps their own answer
    assert safety_intent(normalize("ma fille est menacée, il veut publier ses photos sinon"), "parent_inquiet") is None


def test_wordless_and_foreign_messages():
    assert is_wordless(normalize("😭😭😭")) and is_wordless(normalize("\u200b\u200b \x07"))
    assert not is_wordless(normalize("aide"))
    assert is_foreign_language(normalize("Hello, someone is asking me for pictures, what can I do?"))
    assert is_foreign_language(normalize("Hallo, iemand stuurt mij berichten, wat moet ik doen?"))
    assert not is_foreign_language(normalize("un mec me demande des nudes sur snap"))


def test_normalisation():
    assert normalize("J’AI PEUUUUR   à l'école\u200b") == "j'ai peur a l'ecole"
    assert len(normalize("ab " * 5_000)) == 1000
