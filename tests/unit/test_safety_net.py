"""The deterministic safety net, on real teen wordings (lexicon/danger.yml, vigie/danger.py)."""
import pytest

from vigie.danger import FIGURE, LAUGHTER, danger_asked, danger_trigger, figure_of_speech, safety_intent
from vigie.language import is_foreign_language, is_wordless
from vigie.text import expand_sms, normalize, prepare


@pytest.fixture(scope="module")
def trigger(nlp):
    return lambda text: danger_trigger(nlp(prepare(text)))


@pytest.fixture(scope="module")
def imposed(nlp):
    return lambda text, predicted: safety_intent(nlp(prepare(text)), predicted)


@pytest.mark.parametrize("text", [
    "il est devant chez moi la maintenant",
    "Y'a un mec qui me suit depuis le bus, j'ai peur",
    "chui enfermée dans sa chambre il veut pas me laisser partir",
    "il a dit qu'il arrive, il sait où j'habite",
    "AIDEZ MOI il essaie de rentrer chez moi",
    "il m'attend à la sortie de l'école depuis 1h",
    "il m'a attrapé le bras à l'arrêt de bus",
    # driven somewhere other than promised
    "il m'a fait monter dans son char pis y prend pas le chemin de chez nous",
    "il roule vers une autre ville que prévu",
    # locked in
    "il a fermé la porte à clé et veut pas me laisser sortir",
    "je suis bouclée dans sa chambre",
    # parents away add to a danger: they are no figure of speech
    "Hëllef, il y a quelqu'un devant ma porte, c'est le garçon de snap, il sonne tout le temps et mes parents "
    "sont pas à la maison",
    "il m'a enfermée dans sa chambre et veut pas que je parte, j'écris en cachette",
])
def test_immediate_danger_is_urgence(trigger, text):
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
    # self-harm in the past tense or as a habit
    "je me suis encore coupée hier",
    "ça fait des mois que je me fais du mal",
    # a resolve said indirectly
    "je veux tout arrêter pour de bon",
    "ce soir j'en finis",
    "personne ne me regretterait",
])
def test_suicidal_thoughts_and_self_harm_are_detresse(trigger, text):
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
    "je me suis coupée en cuisinant",
    "je me suis coupé les cheveux",
])
def test_figures_of_speech_are_not_danger(trigger, text):
    assert trigger(text) is None


@pytest.mark.parametrize("text", [
    "t'as jusqu'à 21h",
    "il me reste 1 heure",
    "il a lancé un compte à rebours",
])
def test_a_blackmailer_deadline_is_not_urgence(trigger, text):
    assert trigger(text) is None


def test_a_deadline_with_pictures_stays_chantage(imposed):
    text = "il a mes photos, il a lancé un compte à rebours et t'as jusqu'à 21h sinon il les publie"
    assert imposed(text, "hors_sujet") == "chantage"


def test_sms_spellings_are_expanded_as_whole_words_only():
    assert expand_sms("chui triste jveux pu") == "je suis triste je veux plus"
    assert expand_sms("c'est fini") == "c'est fini"  # "c" before an apostrophe is left alone
    assert expand_sms("personne remarquerait si jpartais") == "personne remarquerait si je partais"
    assert expand_sms("jpp jtm Jordan") == "jpp jtm Jordan"  # abbreviations and names stay


def test_danger_outranks_any_prediction(imposed):
    assert imposed("il me fait chanter et jveux mourir", "chantage") == "detresse"
    # a warning sign alone is asked about; told with a blackmail, it is despair
    assert imposed("on a perdu 7-2 hier jai envie de disparaitre", "hors_sujet") is None
    assert imposed("il me fait chanter depuis 1 semaine et j'en peux plus, j'ai envie de disparaître",
                   "chantage") == "detresse"
    assert imposed("il est devant chez moi et jveux mourir", "detresse") == "urgence"


def test_a_threat_mixed_with_a_milder_topic_gets_the_sextortion_answer(imposed):
    text = "un inconnu m'a ajouté et il dit qu'il va envoyer mes photos à mes potes si je paie pas"
    assert imposed(text, "inconnu_ajout") == "chantage"
    assert imposed(text, "demande_photos") == "chantage"


def test_money_demand_with_pictures_is_chantage(imposed):
    assert imposed("il veut 200€ en paysafecard pour pas publier la vidéo", "hors_sujet") == "chantage"


def test_the_rules_confirm_a_hesitant_prediction(imposed):
    # the classifier said chantage with a close second: the rules make it sure, no fallback
    assert imposed("si je le laisse il envoie mes photos a toute la gang", "chantage") == "chantage"
    assert imposed("jveux mourir", "detresse") == "detresse"


def test_the_safety_net_never_lowers_a_prediction(imposed):
    assert imposed("il menace de publier mes photos", "urgence") is None
    # a parent or a friend telling about a threat keeps their own answer
    assert imposed("ma fille est menacée, il veut publier ses photos sinon", "parent_inquiet") is None


def test_wordless_and_foreign_messages():
    assert is_wordless(normalize("😭😭😭")) and is_wordless(normalize("\u200b\u200b \x07"))
    assert not is_wordless(normalize("aide"))
    assert is_foreign_language(normalize("Hello, someone is asking me for pictures, what can I do?"))
    assert is_foreign_language(normalize("Hallo, iemand stuurt mij berichten, wat moet ik doen?"))
    assert not is_foreign_language(normalize("un mec me demande des nudes sur snap"))


def test_normalisation():
    assert normalize("J’AI PEUUUUR   à l'école\u200b") == "j'ai peur a l'ecole"
    assert len(normalize("ab " * 5_000)) == 1000


# ---------- the open world: pills, warning signs asked about, figures of speech ----------

@pytest.mark.parametrize("text", ["j'ai pris des cachets", "jai avalé toute la boîte de doliprane",
                                  "j'ai pris des somnifères avec de la vodka", "20 dafalgan je les ai pris"])
def test_pills_taken_are_intoxication(trigger, text):
    assert trigger(text) == "intoxication"


@pytest.mark.parametrize("text", ["j'ai pris un doliprane pour ma migraine", "j'ai oublié de prendre mes médicaments",
                                  "j'ai avalé toute la boîte de chocolats"])
def test_a_pill_for_a_headache_is_not_intoxication(trigger, text):
    assert trigger(text) is None


def test_a_past_attempt_is_despair_not_an_emergency(trigger):
    assert trigger("le mois passé j'ai avalé des cachets de ma mère pour dormir longtemps") == "detresse"


@pytest.mark.parametrize("text,intent", [
    ("il me force à faire des trucs je peux pas parler", "urgence"),
    ("une voiture roule lentement à côté de moi depuis l'école", "urgence"),
    ("un homme le suit en voiture, il est au tel avec moi", "urgence"),
    ("je porte des manches longues même en été pour que personne voie mes bras", "detresse"),
    ("j'ai donné toutes mes affaires à mes potes, j'en aurai plus besoin", "detresse"),
    ("il m'oblige a rester et a faire ce qu'il dit jpeux pas ecrire longtemps il regarde", "urgence"),
    ("le même scooter passe pour la 4e fois devant moi, à chaque fois il ralentit et me regarde", "urgence"),
    ("depuis que la photo a tourné je vois plus l'intérêt de continuer", "detresse"),
    ("bonsoir jviens de prendre plein de medocs de ma mamie pour plus me réveiller", "intoxication"),
    ("j'ai bu une demi bouteille de vodka avec des cachets, je suis toute seule", "intoxication"),
    ("y a qqn dans la maison j'entends marcher en bas et mes parents rentrent que demain", "urgence"),
    ("c'est normal d'avoir envie de sauter à chaque fois que le métro arrive ?", "detresse"),
])
def test_danger_that_was_missed(trigger, text, intent):
    assert trigger(text) == intent


@pytest.mark.parametrize("text", [
    "je vais mourir de honte 💀", "ma soeur a fini le nutella je vais la tuer", "mon chat est mort",
    "je suis enfermé dehors j'ai oublié mes clés", "bloquée au niveau 147 de candy crush au secours",
    "ma mère menace de confisquer ma ps5", "il me suit sur insta", "je me suis coupé avec une feuille de papier",
    "mon petit frère de 4 ans me suit partout", "ça cognait à la porte mais c'était ma grand-mère",
    "je me cache dans la salle de bain depuis 30 min pour échapper à la vaisselle",
    "mon cousin est en route, il va encore me détruire à mario kart",
    "quelqu'un me suit partout dans la maison depuis ce matin... c'est le chien",
    "je me suis fait les croisés au foot, la saison est finie pour moi",
    "hier j'ai tapé dans la porte de ma chambre et j'ai fait un trou",
    "jvais tuer mon frère il a fini le nutella",
    "le coach a dit que l'équipe serait mieux sans moi samedi, ça me saoule",
    "je me suis coupée en coupant des tomates, un pansement ça suffit ?",
    "on est coincés dans le bus depuis 40 min à cause des bouchons",
    "d'un coup ya 2000 personnes qui me suivent ça fait trop bizarre",
    "je sais pas quoi offrir à ma copine pour nos 3 mois",
    "ma mère dit que je sors pas tant que c'est pas rangé",
])
def test_figures_of_speech_trigger_nothing(nlp, trigger, text):
    assert trigger(text) is None
    assert danger_asked(nlp(prepare(text))) is None


@pytest.mark.parametrize("text,intent", [
    ("au secours", "urgence"), ("aidez moi vite", "urgence"),
    ("j'ai donné ma switch à mon petit frère et mes sweats à ma meilleure pote", "detresse"),
    ("j'ai dit au revoir à tout le monde sur insta ce soir", "detresse"),
    ("jai fait une liste de qui aura quoi si jamais il m'arrive qqch", "detresse"),
    ("c normal de mettre des manches longues quand il fait 30 degrés?", "detresse"),
    ("ma blonde m'a laissé pis j'vois pu pourquoi je resterais icitte", "detresse"),
    # laughter: danger words are asked about, never alarmed on
    ("le contrôle c lundi jvais me pendre mdr, qqn m'explique la loi d'ohm", "detresse"),
    ("mon frère m'a enfermé dans le garage 2 min 😂 comment je me venge", "urgence"),
])
def test_warning_signs_that_may_be_something_else_are_asked_about(nlp, trigger, text, intent):
    assert trigger(text) is None
    assert danger_asked(nlp(prepare(text))) == intent


@pytest.mark.parametrize("text,intent", [("je vais mourir de honte", "detresse"),
                                         ("je suis enfermée dehors", "urgence")])
def test_a_figure_of_speech_answers_for_the_classifier(nlp, text, intent):
    assert figure_of_speech(nlp(prepare(text)), intent) == FIGURE


def test_laughter_alone_is_not_a_figure_that_explains_the_words(nlp):
    # the safety net asks about it when the classifier is sure of a danger
    assert figure_of_speech(nlp(prepare("personne me calcule je sers a rien mdr")), "detresse") == LAUGHTER
    assert figure_of_speech(nlp(prepare("je vais mourir de honte mdr")), "detresse") == FIGURE


@pytest.mark.parametrize("text", [
    "ma pote est montée dans la voiture du gars d'insta et il veut pas la laisser descendre",
    "il vient de m'écrire qu'il est à 5 min de chez moi, mes parents sont pas là",
])
def test_family_away_is_no_figure_of_speech(nlp, text):
    assert not figure_of_speech(nlp(prepare(text)), "urgence")


def test_a_countdown_with_a_picture_is_blackmail(imposed):
    text = "il a mis un compte à rebours dans la conv avec une capture de ma photo"
    assert imposed(text, "photo_partagee") == "chantage"


@pytest.fixture(scope="module")
def answer(nlp):
    """The intent the real SafetyNet step gives a message the classifier placed in `predicted`."""
    from rasa.nlu.constants import SPACY_DOCS
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message
    from vigie.nlu.safety_net import SafetyNet

    def run(text, predicted, confidence=0.6):
        message = Message(data={TEXT: text})
        message.set(SPACY_DOCS[TEXT], nlp(prepare(text)))
        message.set(INTENT, {"name": predicted, "confidence": confidence})
        message.set(INTENT_RANKING_KEY, [{"name": predicted, "confidence": confidence},
                                         {"name": "hors_sujet", "confidence": 0.3}])
        SafetyNet._check(message)
        return message.get(INTENT)["name"]
    return run


@pytest.mark.parametrize("text,predicted", [
    ("ma pote m'a montré ses bras hier, elle se fait du mal. elle m'a fait promettre de rien dire", "ami_concerne"),
    ("mon pote m'a dit qu'il va se tuer ce week-end", "detresse"),
    ("ma soeur se scarifie et veut pas que je le dise", "ami_concerne"),
    # a hesitant urgence guess that a despair rule corrects
    ("Mon pote m'a dit qu'il se fait du mal et il veut pas que j'en parle. J'ai promis...", "urgence"),
])
def test_a_friends_despair_gets_the_answer_for_the_friend(answer, text, predicted):
    assert answer(text, predicted) == "detresse_ami"


@pytest.mark.parametrize("text,predicted", [
    ("je me suis encore coupée hier", "ami_concerne"),      # the writer's own
    ("j'ai envie de mourir", "detresse"),
    ("ma fille se scarifie, que dois-je faire ?", "parent_inquiet"),  # a parent: not "ton ami·e"
])
def test_ones_own_despair_stays_detresse(answer, text, predicted):
    assert answer(text, predicted) == "detresse"


@pytest.mark.parametrize("text", [
    "mdr si je disparais demain au moins ma mère aura plus à payer mon natel 😂😂",
    "le contrôle c lundi jvais me pendre mdr, qqn m'explique la loi d'ohm",
])
def test_laughter_over_a_danger_rule_is_asked_about_even_when_the_classifier_hesitates(answer, text):
    from vigie.scenarios import DOUBT
    assert answer(text, "detresse", confidence=0.4) == DOUBT


def test_a_hesitant_danger_guess_with_a_figure_gets_the_other_answer(answer):
    text = "ma tante menace de venir me chercher à la sortie du collège pour qu'on aille faire les boutiques ensemble"
    assert answer(text, "urgence", confidence=0.75) == "hors_sujet"


@pytest.mark.parametrize("text,asked,ranking", [
    ("merci pour tout à ceux qui lisent ça. vraiment.", True, ("autre_souci", "detresse")),
    ("je vais mourir de honte", False, ("autre_souci", "detresse")),   # the figure explains the score
    # a threat read as harassment (the fallback would have said "not understood")
    ("il m'écrit tu sais ce qui t'attend si tu réponds pas, avec le nom de mon école", True,
     ("harcelement", "chantage")),
    ("mon fils reçoit des menaces, que faire ?", False, ("parent_inquiet", "chantage")),  # answered there
])
def test_a_danger_close_behind_another_answer_is_asked_about(nlp, text, asked, ranking):
    from rasa.nlu.constants import SPACY_DOCS
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message
    from vigie.nlu.safety_net import SafetyNet
    from vigie.scenarios import DOUBT

    message = Message(data={TEXT: text})
    message.set(SPACY_DOCS[TEXT], nlp(prepare(text)))
    message.set(INTENT, {"name": ranking[0], "confidence": 0.5})
    message.set(INTENT_RANKING_KEY, [{"name": ranking[0], "confidence": 0.5},
                                     {"name": ranking[1], "confidence": 0.3}])
    SafetyNet._check(message)
    assert (message.get(INTENT)["name"] == DOUBT) == asked


BLACKMAIL_STORY = ("en février j'ai envoyé des photos de moi a quelqu'un, là il me dit que si je viens pas le "
                   "rejoindre au parc samedi soir tout seul il les publie sur un faux compte avec mon nom")


def test_a_hesitant_urgence_guess_on_a_blackmail_the_rules_see_gets_the_blackmail_answer(answer):
    assert answer(BLACKMAIL_STORY, "urgence", confidence=0.5) == "chantage"


def test_a_hesitant_despair_guess_on_a_blackmail_is_asked_about_with_the_blackmail_as_the_no(nlp):
    from rasa.nlu.constants import SPACY_DOCS
    from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message
    from vigie.nlu.safety_net import SafetyNet
    from vigie.scenarios import DOUBT

    message = Message(data={TEXT: BLACKMAIL_STORY})
    message.set(SPACY_DOCS[TEXT], nlp(prepare(BLACKMAIL_STORY)))
    message.set(INTENT, {"name": "detresse", "confidence": 0.6})
    message.set(INTENT_RANKING_KEY, [{"name": "detresse", "confidence": 0.6}])
    SafetyNet._check(message)
    assert message.get(INTENT)["name"] == DOUBT
    assert {"entity": "alternative", "value": "chantage"}.items() <= next(
        e for e in message.get(ENTITIES) if e["entity"] == "alternative").items()


@pytest.mark.parametrize("text", [
    "j'ai trouvé la boîte de somnifères de maman vide sur l'évier, elle en a pris il y a un quart d'heure",
    "il vient de m'écrire qu'il a avalé une bouteille de pilules pis il répond pu",
])
def test_an_empty_box_or_a_bottle_of_pills_is_a_medical_emergency(trigger, text):
    assert trigger(text) == "intoxication"
