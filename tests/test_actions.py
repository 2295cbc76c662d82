"""action_orienter with rasa_sdk's own Tracker and dispatcher, on a frozen clock."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import orienter
from actions.orienter import BOT_NOTICE, ActionOrienter, is_first_answer


def tracker(intent, pays=None, earlier_bot_message=False):
    events = [{"event": "action", "name": "action_session_start"}, {"event": "session_started"}]
    if earlier_bot_message:
        events += [{"event": "user", "text": "salut", "parse_data": {"intent": {"name": "saluer"}}},
                   {"event": "bot", "text": "Salut"}]
    events += [{"event": "user", "text": "...", "parse_data": {"intent": {"name": intent}}},
               {"event": "bot", "text": "advice"}]
    return Tracker("t", {"pays": pays}, {"intent": {"name": intent, "confidence": 1.0}, "entities": []},
                   events, False, None, {}, "action_listen")


def run(intent, pays=None, **kwargs):
    dispatcher = CollectingDispatcher()
    ActionOrienter().run(dispatcher, tracker(intent, pays, **kwargs), {})
    assert len(dispatcher.messages) == 1
    return dispatcher.messages[0]


@pytest.fixture
def frozen(monkeypatch):
    def freeze(hour, zone="Europe/Paris"):
        monkeypatch.setattr(orienter, "clock", lambda: dt.datetime(2026, 11, 30, hour, 0, tzinfo=ZoneInfo(zone)))
    return freeze


def first_service_line(text):
    return next(line for line in text.splitlines() if line.startswith("•"))


def test_chantage_in_france_at_3am_does_not_send_to_a_closed_line_first(frozen):
    frozen(3)
    text = run("chantage", "FR")["text"]
    assert "fermé" not in first_service_line(text)
    assert "24 h/24" in first_service_line(text)


def test_chantage_in_france_at_2pm_lists_the_3018_as_open(frozen):
    frozen(14)
    message = run("chantage", "FR")
    assert first_service_line(message["text"]).startswith("• 3018")
    assert "3018 (e-Enfance) : 3018 (gratuit, anonyme, ouvert maintenant)" in message["text"]
    assert message["custom"]["contacts"][0]["phone"] == "3018"


def test_chantage_in_belgium_by_default_gives_child_focus_and_the_emergency_number(frozen):
    frozen(14, "Europe/Brussels")
    text = run("chantage")["text"]
    assert "Child Focus : 116 000" in text and "en Belgique" in text and "112" in text


def test_detresse_in_quebec_gives_the_suicide_line_and_text_number(frozen):
    frozen(3, "America/Montreal")
    text = run("detresse", "QC")["text"]
    assert "1 866 277-3553" in first_service_line(text) and "535353" in text and "911" in text


def test_unverified_hours_are_never_stated(frozen):
    frozen(14, "Europe/Luxembourg")
    text = run("contacts_aide", "LU")["text"]
    kjt = next(line for line in text.splitlines() if "KJT" in line)
    assert "24 h/24" not in kjt and "ouvert" not in kjt and "fermé" not in kjt


def test_parents_are_addressed_formally(frozen):
    frozen(14)
    assert run("parent_inquiet", "BE")["text"].startswith("Vous pouvez contacter")
    assert run("chantage", "BE")["text"].startswith("Tu peux contacter")


def test_the_bot_notice_comes_with_the_first_answer_only(frozen):
    frozen(14)
    assert BOT_NOTICE in run("chantage")["text"]
    assert BOT_NOTICE not in run("chantage", earlier_bot_message=True)["text"]
    assert is_first_answer(tracker("chantage")) and not is_first_answer(tracker("chantage", earlier_bot_message=True))


@pytest.mark.parametrize("pays,number", [("BE", "116 000"), ("FR", "119"), ("CH", "147"), ("QC", "1 800 263-2266"), ("LU", "8002 1234")])
def test_each_country_gets_its_own_numbers(frozen, pays, number):
    frozen(14)
    assert number in run("photo_partagee", pays)["text"]
