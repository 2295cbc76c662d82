"""The open world over real REST: everyday worries get the youth line, figures of speech get no
alarm, a possible danger gets one direct question with the number, and "oui" / "non" typed or
pressed get the answer the question promised; pills get the medical emergency number first."""
import pytest

from tooling.processes import texts

pytestmark = pytest.mark.e2e

CRISIS_OR_EMERGENCY = ("112", "101", "0800 32 123", "🚨", "📞")


def first_line(answers) -> str:
    return answers[0]["text"].splitlines()[0]


@pytest.mark.parametrize("message", [
    "mes parents divorcent et je sais pas chez qui je vais vivre",
    "je crois que je suis amoureuse de ma meilleure amie",
    "j'ai trop peur de rater le brevet",
])
def test_an_everyday_worry_gets_the_youth_line_and_no_alarm(stack, message):
    answers = stack.send(f"everyday-{hash(message)}", message)
    assert not any(mark in first_line(answers) for mark in CRISIS_OR_EMERGENCY)
    everything = texts(answers)
    assert "103" in everything and "en ligne" in everything
    assert "112" not in everything  # a crush or a divorce gets no emergency number


def test_an_everyday_worry_in_each_country_gets_its_youth_line(stack):
    for country, line in (("FR", "0 800 235 236"), ("CH", "147"), ("QC", "1 800 263-2266"), ("LU", "116 111")):
        sender = f"everyday-{country}"
        stack.send(sender, f'/informer_pays{{"pays":"{country}"}}')
        assert line in texts(stack.send(sender, "ma grand-mère est morte hier et je pleure tout le temps"))


@pytest.mark.parametrize("message", ["je vais mourir de honte 💀", "ma soeur a fini le nutella je vais la tuer",
                                     "mon chat est mort 😭", "je suis enfermé dehors j'ai oublié mes clés"])
def test_a_figure_of_speech_gets_no_crisis_number_first(stack, message):
    answers = stack.send(f"figure-{hash(message)}", message)
    assert not any(mark in first_line(answers) for mark in CRISIS_OR_EMERGENCY), answers[0]["text"]


def doubt(stack, sender: str) -> list:
    """A message the classifier leans to danger on, without a rule: made a doubt by its payload."""
    return stack.send(sender, '/verifier_danger{"doute":"detresse","alternative":"autre_souci"}')


def test_a_doubt_gets_one_question_with_the_number_and_yes_no_buttons(stack):
    answers = doubt(stack, "doubt-question")
    assert first_line(answers) == "Est-ce que tu penses au suicide, ou à te faire du mal ?"
    assert "0800 32 123" in answers[0]["text"]
    assert [b["title"] for b in answers[0]["buttons"]] == ["Oui", "Non"]


@pytest.mark.parametrize("yes", ["oui", "ouais", "/detresse"])
def test_yes_gets_the_full_crisis_answer_at_once(stack, yes):
    sender = f"doubt-yes-{yes}"
    doubt(stack, sender)
    answers = stack.send(sender, yes)
    assert answers[0]["text"].startswith("📞 Appelle le 0800 32 123")
    assert "Es-tu en sécurité" in texts(answers)


@pytest.mark.parametrize("no", ["non", "/nier"])
def test_no_gets_the_other_answer(stack, no):
    sender = f"doubt-no-{no}"
    doubt(stack, sender)
    answers = stack.send(sender, no)
    assert "103" in texts(answers) and not answers[0]["text"].startswith(("📞", "🚨"))


@pytest.mark.parametrize("message", ["au secours", "aidez moi vite"])
def test_a_plain_call_for_help_is_asked_about_with_the_number(stack, message):
    answers = stack.send(f"doubt-call-{hash(message)}", message)
    assert first_line(answers) == "Est-ce que tu es en danger, là, maintenant ?"
    assert "112" in answers[0]["text"] and [b["title"] for b in answers[0]["buttons"]] == ["Oui", "Non"]


def test_a_call_for_help_about_a_game_level_is_not_asked_about(stack):
    answers = stack.send("doubt-game", "bloquée au niveau 147 de candy crush au secours")
    assert not any(mark in texts(answers) for mark in ("🚨", "danger, là, maintenant"))


@pytest.mark.parametrize("country,number", [("BE", "112"), ("FR", "15 (SAMU)"), ("CH", "144"),
                                            ("QC", "911"), ("LU", "112")])
def test_pills_taken_get_the_medical_emergency_number_first_then_the_crisis_line(stack, country, number):
    sender = f"pills-{country}"
    stack.send(sender, f'/informer_pays{{"pays":"{country}"}}')
    answers = stack.send(sender, "j'ai pris des cachets")
    assert answers[0]["text"].startswith(f"🚨 Appelle le {number}")
    crisis = {"BE": "0800 32 123", "FR": "3114", "CH": "143", "QC": "1 866 277-3553", "LU": "116 111"}[country]
    assert crisis in texts(answers)


@pytest.mark.parametrize("message,advice,never", [
    ("il est en bas de chez moi et il sonne", "ferme à clé et n'ouvre pas", "magasin"),
    ("il m'a enfermée dans une chambre je peux pas sortir", "dis où tu es", "magasin"),
    ("un mec me suit depuis le bus", "là où il y a du monde", "n'ouvre pas"),
    ("il m'attend à la sortie du collège", "adulte de l'école", "n'ouvre pas"),
])
def test_the_danger_advice_fits_where_the_teen_is(stack, message, advice, never):
    answers = stack.send(f"place-{hash(message)}", message)
    assert "112" in first_line(answers)
    everything = texts(answers)
    assert advice in everything and never not in everything, everything


def test_a_friends_despair_gets_the_crisis_line_and_the_secret_is_not_kept(stack):
    message = "ma pote m'a montré ses bras, elle se fait du mal et m'a fait promettre de rien dire"
    answers = stack.send("friend-despair", message)
    assert "0800 32 123" in first_line(answers) and "ton ami·e" in first_line(answers)
    everything = texts(answers)
    assert "ne se garde pas" in everything and "Es-tu en sécurité" not in everything


def test_a_blackmail_told_by_its_deadline_gets_its_lines_and_what_if_i_pay_gets_no(stack):
    sender = "deadline-first"
    stack.send(sender, '/informer_pays{"pays":"FR"}')
    first = texts(stack.send(sender, "il me laisse jusqu'à minuit pour lui envoyer 200 euros sinon il publie tout"))
    assert "Ne paie pas" in first and "3018" in first
    then = texts(stack.send(sender, "et si je paie une dernière fois il supprime tout ?"))
    assert "payer ne fait presque jamais effacer" in then and "3018" not in then


def test_how_to_say_no_gives_words_to_copy(stack):
    answers = texts(stack.send("say-no", "je lui réponds quoi pour refuser sans que ça parte en drama ?"))
    assert "Des mots à copier" in answers and "« Non" in answers
