"""action_orienter with rasa_sdk's own Tracker and dispatcher, on a fixed clock
(VIGIE_LOCAL_TIME: every country's wall clock shows that time)."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.avis_robot import BOT_NOTICE, ActionAvisRobot, is_first_answer
from actions.orienter import ActionOrienter
from vigie.rules import rule_actions, rules


def tracker(intent, pays=None, earlier_bot_message=False, slots=None, entities=()):
    events = [{"event": "action", "name": "action_session_start"}, {"event": "session_started"}]
    if earlier_bot_message:
        events += [{"event": "user", "text": "salut", "parse_data": {"intent": {"name": "saluer"}}},
                   {"event": "bot", "text": "Salut"}]
    events += [{"event": "user", "text": "...", "parse_data": {"intent": {"name": intent}}},
               {"event": "bot", "text": "advice"}]
    return Tracker("t", dict({"pays": pays}, **(slots or {})),
                   {"intent": {"name": intent, "confidence": 1.0}, "entities": list(entities)},
                   events, False, None, {}, "action_listen")


def run_all(intent, pays=None, **kwargs):
    dispatcher = CollectingDispatcher()
    ActionOrienter().run(dispatcher, tracker(intent, pays, **kwargs), {"responses": {}})
    return dispatcher.messages


def run(intent, pays=None, **kwargs):
    messages = run_all(intent, pays, **kwargs)
    assert len(messages) == 1
    return messages[0]


@pytest.fixture
def at(monkeypatch):
    def set_time(hhmm):
        monkeypatch.setenv("VIGIE_LOCAL_TIME", hhmm)
    return set_time


def service_lines(text):
    return [line for line in text.splitlines() if line.startswith("•")]


@pytest.mark.parametrize("hhmm", ["03:00", "23:30"])
def test_chantage_in_france_at_night_keeps_the_3018_with_its_reopening_hour(at, hhmm):
    at(hhmm)
    message = run("chantage", "FR")
    lines = service_lines(message["text"])
    assert "fermé" not in lines[0] and "24 h/24" in lines[0]
    assert any(line.startswith("• 3018") and "fermé, rouvre à 9 h" in line for line in lines)
    assert any("Police : 17" in line for line in lines) and any("112" in line for line in lines)
    closed = next(c for c in message["custom"]["contacts"] if c["phone"] == "3018")
    assert closed["open"] is False and closed["status"] == "fermé, rouvre à 9 h"


def test_chantage_in_france_at_noon_lists_the_3018_first_without_repeating_its_number(at):
    at("12:00")
    message = run("chantage", "FR")
    first = service_lines(message["text"])[0]
    assert first.startswith("• 3018 (e-Enfance) : chat 3018.fr") and "ouvert jusqu'à 23 h" in first
    assert "3018 (e-Enfance) : 3018" not in message["text"]
    assert message["custom"]["contacts"][0]["phone"] == "3018"
    assert message["custom"]["text"] == message["text"]  # the widget shows the card, not the list


def test_chantage_in_belgium_by_default_gives_child_focus_the_police_and_the_emergency_number(at):
    at("12:00")
    text = run("chantage")["text"]
    assert "Child Focus : 116 000" in text and "en Belgique" in text
    assert "Police : 101" in text and "Urgences : 112" in text


def test_detresse_in_quebec_gives_the_suicide_line_and_text_number(at):
    at("03:00")
    text = run("detresse", "QC")["text"]
    assert "1 866 277-3553" in service_lines(text)[0] and "535353" in text and "911" in text


def test_detresse_in_belgium_puts_the_round_the_clock_line_before_the_103(at):
    at("12:00")
    lines = service_lines(run("detresse", "BE")["text"])
    assert lines[0].startswith("• Centre de Prévention du Suicide")
    assert lines.index(next(line for line in lines if "103" in line)) > 0


def test_unverified_hours_and_unsourced_labels_are_never_stated(at):
    at("12:00")
    text = run("contacts_aide", "LU")["text"]
    kjt = next(line for line in text.splitlines() if "KJT" in line)
    assert "24 h/24" not in kjt and "ouvert" not in kjt and "fermé" not in kjt and "gratuit" not in kjt
    child_focus = next(line for line in run("contacts_aide", "BE")["text"].splitlines() if "Child Focus" in line)
    assert "anonyme" not in child_focus


def test_live_chats_and_sms_are_shown_beside_the_phones(at):
    at("12:00")
    assert "WhatsApp" in run("chantage", "CH")["text"] and "SMS" in run("chantage", "CH")["text"]
    assert "chat 3018.fr" in run("contacts_aide", "FR")["text"]


def test_parents_are_addressed_formally_and_keep_it_on_who_to_call(at):
    at("12:00")
    assert run("parent_inquiet", "BE")["text"].startswith("Vous pouvez contacter")
    assert run("contacts_aide", "BE", slots={"role": "parent"})["text"].startswith("Vous pouvez contacter")
    assert run("chantage", "BE")["text"].startswith("Tu peux contacter")


def test_quebec_parents_are_not_sent_first_to_youth_lines(at):
    at("12:00")
    for intent, slots in (("parent_inquiet", {}), ("contacts_aide", {"role": "parent"})):
        text = run(intent, "QC", slots=slots)["text"]
        assert "Jeunesse" not in service_lines(text)[0] and "Tel-jeunes" not in service_lines(text)[0]


def test_who_to_call_after_a_blackmail_lists_the_police_then_the_general_lines(at):
    at("12:00")
    text = run("contacts_aide", "FR", slots={"sujet": "chantage"})["text"]
    assert "Police : 17" in text and "3114" in text


def test_pharos_is_not_offered_for_private_unsolicited_images(at):
    at("12:00")
    assert "PHAROS" not in run("image_non_sollicitee", "FR")["text"]


def test_a_typed_follow_up_adds_its_answer_after_the_list(at):
    at("12:00")
    messages = run_all("chantage", "FR", entities=[{"entity": "suite", "value": "deja_paye"}])
    assert messages[1]["response"] == "utter_deja_paye"
    crisis = run_all("urgence", "FR", entities=[{"entity": "suite", "value": "deja_paye"}])
    assert len(crisis) == 1


def test_the_bot_notice_ends_the_first_answer_only(at):
    at("12:00")
    assert BOT_NOTICE not in run("chantage")["text"]  # the card: the notice comes after the advice
    first, later = CollectingDispatcher(), CollectingDispatcher()
    ActionAvisRobot().run(first, tracker("chantage"), {})
    ActionAvisRobot().run(later, tracker("chantage", earlier_bot_message=True), {})
    assert [m["text"] for m in first.messages] == [BOT_NOTICE] and later.messages == []
    assert is_first_answer(tracker("chantage")) and not is_first_answer(tracker("chantage", earlier_bot_message=True))


def test_every_answer_that_gives_helplines_ends_with_the_notice():
    """Last, or just before a question that a typed « oui » / « non » answers (a rule that starts
    with that question: the notice after it would break the rule)."""
    questions = {rule["steps"][0]["action"] for rule in rules() if "action" in rule["steps"][0]}
    for intent, actions in rule_actions().items():
        if {"action_orienter", "action_pays"} & set(actions):
            after = actions[actions.index("action_avis_robot") + 1:] if "action_avis_robot" in actions else None
            assert after == [] or (after and len(after) == 1 and after[0] in questions), intent


@pytest.mark.parametrize("pays,number", [("BE", "116 000"), ("FR", "119"), ("CH", "147"), ("QC", "1 800 263-2266"),
                                         ("LU", "8002 1234")])
@pytest.mark.parametrize("hhmm", ["03:00", "12:00", "23:30"])
def test_each_country_gets_its_own_numbers_at_any_hour(at, pays, number, hhmm):
    at(hhmm)
    assert number in run("photo_partagee", pays)["text"]


def test_a_blackmail_told_by_its_follow_up_gets_the_blackmail_lines_once(at):
    at("12:00")
    first = run("delai", "FR")["text"]
    assert "3018" in first and "Police : 17" in first
    dispatcher = CollectingDispatcher()
    later = tracker("delai", "FR")
    later.events[2:2] = [{"event": "user", "text": "...", "parse_data": {"intent": {"name": "chantage"}}},
                         {"event": "bot", "text": "ne paie pas"}]
    ActionOrienter().run(dispatcher, later, {"responses": {}})
    assert dispatcher.messages == []


def test_a_country_given_after_a_situation_resends_its_key_line_and_helplines(at):
    from actions.pays import ActionPays, key_line
    assert key_line("chantage") == "utter_chantage_stop"
    assert key_line("intoxication") == "action_urgence_medicale"
    dispatcher = CollectingDispatcher()
    ActionPays().run(dispatcher, tracker("informer_pays", "FR", slots={"sujet": "chantage"}), {"responses": {}})
    assert dispatcher.messages[0]["response"] == "utter_chantage_stop"
    assert "3018" in dispatcher.messages[1]["text"] and "116 000" not in dispatcher.messages[1]["text"]


def test_a_country_given_before_any_situation_is_only_acknowledged(at):
    from actions.pays import ActionPays
    dispatcher = CollectingDispatcher()
    assert ActionPays().run(dispatcher, tracker("informer_pays", "CH", earlier_bot_message=True),
                            {"responses": {}}) == []
    assert dispatcher.messages == []
