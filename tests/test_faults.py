"""Faults on one machine: the action server dies mid-conversation, Rasa restarts."""
import pytest

from tests.api_stack import shared_api_stack, stored_conversation
from tooling.processes import new_sender, texts

FRENCH_BACKUP_HELPLINES = "📞 3018"  # utter_orienter_secours for FR, sent by Rasa itself
# kills and restarts servers: `make test-e2e` runs it after the others, on its own stack
pytestmark = pytest.mark.destructive


@pytest.fixture(scope="module")
def servers(request):
    return shared_api_stack(request.config)


def test_danger_answers_keep_advice_and_numbers_while_action_server_is_dead(servers):
    sender = new_sender("panne")
    assert "pour la France" in texts(servers.send(sender, "je suis en France"))
    servers.actions.popen.kill()  # not a clean stop: the process just disappears
    servers.actions.popen.wait()
    try:
        blackmail = texts(servers.send(sender, "il menace de publier mes photos si je paie pas"))
        assert "ne paie pas" in blackmail and "Garde les preuves" in blackmail
        assert FRENCH_BACKUP_HELPLINES in blackmail and "17 ou 112" in blackmail
        emergency = texts(servers.send(sender, "un homme me suit dans la rue"))
        assert emergency.startswith("🚨 Appelle le 17 ou le 112")
        assert FRENCH_BACKUP_HELPLINES in emergency
        distress = texts(servers.send(sender, "je veux mourir"))
        assert "3114" in distress
    finally:
        servers.actions.start()
    # back: the action server's own list again, for the country chosen before the failure
    answers = servers.send(sender, "qui je peux appeler ?")
    assert "Tu peux contacter, en France" in texts(answers)
    assert any(a.get("custom", {}).get("contacts") for a in answers), "from the action server"


def test_erasing_works_while_action_server_is_dead(servers):
    sender = new_sender("panne")
    servers.send(sender, "je suis en France")
    servers.actions.stop()
    try:
        assert "notre conversation est effacée" in texts(servers.send(sender, "efface"))
        assert stored_conversation(servers, sender) is None
    finally:
        servers.actions.start()


def test_restarted_rasa_greets_with_a_fresh_conversation(servers):
    sender = new_sender("panne")
    servers.send(sender, "j'habite en Suisse")
    assert stored_conversation(servers, sender) is not None
    servers.rasa.stop()
    servers.rasa.start()
    assert stored_conversation(servers, sender) is None, "memory does not survive a restart"
    # the user carries on as if nothing happened: a first answer of a new conversation
    carry_on = texts(servers.send(sender, "qui je peux appeler ?"))
    assert "Tu peux contacter, en Belgique" in carry_on, "the Swiss choice is forgotten"
    assert "Je suis un robot" in carry_on, "introduced as at the start of a conversation"
    assert "Salut, moi c'est Vigie" in texts(servers.send(sender, "salut"))
