"""Table-driven content test (tests/content_table.yml): every scenario and every pair of
situations told in one message, in every country at 03:00, 12:00 and 23:30 local time, on the
real Rasa and action servers."""
import pytest

from tooling.content import COUNTRIES, TABLE, TIMES, answer_of, ask, informal, problems, table_answers
from tooling.processes import Stack


@pytest.fixture(scope="module", params=TIMES)
def stack_at(request, monkeypatch_module):
    monkeypatch_module.setenv("VIGIE_LOCAL_TIME", request.param)   # the actions' clock
    servers = Stack().start()
    yield request.param, servers
    servers.stop()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def table_rows(stack, time: str, section: str, limits: str):
    """Each row of a section of the table in each country: (name, country, answer, problems)."""
    for name, spec, country, answer in table_answers(stack, section, time):
        yield name, country, answer, problems(name, spec, country, answer, TABLE[limits])


def test_every_scenario_in_every_country(stack_at):
    time, stack = stack_at
    failures = []
    for name, country, answer, found in table_rows(stack, time, "scenarios", "limits"):
        failures += [f"{time} {country} {name}: {p}" for p in found]
        if name in ("chantage", "photo_partagee") and country == "FR":
            closed = time != "12:00"
            if closed != ("fermé, rouvre à 9 h" in answer.card):
                failures.append(f"{time} FR {name}: 3018 status wrong in {answer.card!r}")
    assert not failures, "\n".join(failures)


def test_two_situations_in_one_message_in_every_country(stack_at):
    """The more serious first, the other's key line in the same answer, at every hour."""
    time, stack = stack_at
    failures = [f"{time} {country} {name}: {p}"
                for name, country, _, found in table_rows(stack, time, "pairs", "pair_limits") for p in found]
    assert not failures, "\n".join(failures)


def test_followups_by_button_and_by_typing(stack_at):
    time, stack = stack_at
    if time != "12:00":
        pytest.skip("follow-ups do not depend on the hour")
    failures = []
    for name, spec in TABLE["followups"].items():
        for country in COUNTRIES:
            by_button = ask(stack, f"b-{name}-{country}", country, f"/{name}")
            failures += [f"{country} /{name}: {p}"
                         for p in problems(name, spec, country, by_button, TABLE["followup_limits"])]
            if spec.get("text"):
                typed = ask(stack, f"t-{name}-{country}", country, spec["text"])
                failures += [f"{country} typed {name}: missing {m!r}"
                             for m in spec["must"] if m.lower() not in typed.whole]
    assert not failures, "\n".join(failures)


def test_parents_stay_formal_through_every_follow_up(stack_at):
    time, stack = stack_at
    for country in COUNTRIES:
        sender = f"parent-{country}-{time}"
        ask(stack, sender, country, "/parent_inquiet")
        for payload in ("/preuves", "/signaler_bloquer", "/contacts_aide", "/parler_enfant", "/deja_paye",
                        "/si_je_paie", "/delai", "/deja_renvoye", "/porter_plainte", "/proches_recu", "/ennuis",
                        "/faux_mail"):
            answer = answer_of(stack.send(sender, payload))
            found = informal(answer.whole)
            assert not found, f"{country} {payload}: « {found.group(0)} » in {answer.whole!r}"
            if payload == "/contacts_aide":
                first = next(line for line in answer.card.splitlines() if line.startswith("•"))
                assert "Jeunesse" not in first and "Tel-jeunes" not in first, (country, first)


@pytest.mark.parametrize("message,must", [
    ("ma fille a déjà payé 200 euros, il en redemande", "ne payez plus rien"),
    ("mon fils a reçu un mail d'un hacker qui dit qu'il l'a filmé avec sa webcam", "mot de passe cité"),
])
def test_a_parent_who_asks_a_follow_up_first_is_answered_formally(stack_at, message, must):
    time, stack = stack_at
    for country in COUNTRIES:
        answer = ask(stack, f"parent-typed-{country}-{time}-{len(message)}", country, message)
        found = informal(answer.whole)
        assert not found, f"{country}: « {found.group(0)} » in {answer.whole!r}"
        assert must in answer.whole, (country, answer.whole)


def test_who_to_call_after_a_blackmail_lists_the_police(stack_at):
    time, stack = stack_at
    for country, police in (("BE", "101"), ("FR", "17"), ("CH", "117"), ("QC", "911"), ("LU", "113")):
        sender = f"after-{country}-{time}"
        ask(stack, sender, country, "/chantage")
        card = answer_of(stack.send(sender, "/contacts_aide")).card
        assert police in card, (country, card)


def test_a_teacher_is_answered_about_their_pupil(stack_at):
    time, stack = stack_at
    if time != "12:00":
        pytest.skip("the words for the pupil do not depend on the hour")
    for country in COUNTRIES:
        sender = f"teacher-{country}"
        first = ask(stack, sender, country, "Bonjour, je suis professeure au collège : une de mes élèves "
                                            "reçoit des menaces, on veut publier ses photos si elle ne paie pas")
        answers = [first] + [answer_of(stack.send(sender, payload))
                             for payload in ("/preuves", "/signaler_bloquer", "/parler_enfant", "/deja_paye")]
        for answer in answers:
            found = informal(answer.whole)
            assert not found, f"{country}: « {found.group(0)} » in {answer.whole!r}"
            assert "votre enfant" not in answer.whole and "mon enfant" not in " ".join(answer.buttons).lower()
        assert "votre élève" in first.whole and "En parler avec mon élève" in first.buttons, (country, first)


def test_blocking_steps_start_with_the_app_named_earlier(stack_at):
    time, stack = stack_at
    if time != "12:00":
        pytest.skip("the steps do not depend on the hour")
    for country, first_message, app in (("FR", "un mec que je connais pas m'a ajoutée sur snap", "Snapchat"),
                                        ("QC", "des gars de ma classe m'insultent sur tiktok", "TikTok")):
        sender = f"apps-{country}"
        ask(stack, sender, country, first_message)
        for then in ("/signaler_bloquer", "comment je le bloque ?"):
            steps = next(b for b in answer_of(stack.send(sender, then)).bubbles if "•" in b)
            assert steps.split("\n")[1].startswith(f"• {app} :"), (country, then, steps)
