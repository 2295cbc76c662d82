"""action_orienter: the helplines that fit the scenario and the user's country (open ones first,
a closed one kept with its reopening hour), and the answer to a typed follow-up question."""
import datetime as dt
import os
from typing import Any, Dict, List, Optional, Text
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.contacts import contacts_message, first_line
from vigie.danger import WEIGHING
from vigie.directory import country, default_country
from vigie.rules import rule_actions
from vigie.scenarios import LISTED_WITH, NO_FOLLOWUP, PRIORITY, SUITE_OF

FORMAL_SCENARIOS = {"parent_inquiet", "parler_enfant"}
# "Qui appeler ?" and other general answers: the latest scenario's services come first
GENERAL = {"contacts_aide", "demande_aide", "nlu_fallback", "autre_langue", "informer_pays"}
LOCAL_TIME_VARIABLE = "VIGIE_LOCAL_TIME"


def clock(timezone: str) -> dt.datetime:
    """Now. VIGIE_LOCAL_TIME=HH:MM (tests, `make content-report`) sets every country's wall
    clock to that time, so that an answer can be checked at 03:00 in each country."""
    fixed = os.environ.get(LOCAL_TIME_VARIABLE)
    if not fixed:
        return dt.datetime.now(dt.timezone.utc)
    hour, minute = (int(part) for part in fixed.split(":"))
    return dt.datetime(2026, 11, 30, hour, minute, tzinfo=ZoneInfo(timezone))


def user_country(tracker: Tracker) -> str:
    return tracker.get_slot("pays") or default_country()


def local_now(code: str) -> dt.datetime:
    """Now, on the wall clock of the country's time zone (the test clock when it is set)."""
    return clock(country(code)["timezone"])


def told_before(tracker: Tracker) -> List[str]:
    """The situations and follow-ups told before the latest message of this conversation."""
    told = set(PRIORITY) | set(SUITE_OF)
    names = []
    for event in tracker.events:
        if event.get("event") == "session_started":
            names = []
        elif event.get("event") == "user":
            names.append(((event.get("parse_data") or {}).get("intent") or {}).get("name"))
    return [name for name in names[:-1] if name in told]


def situation_before(tracker: Tracker) -> bool:
    return bool(told_before(tracker))


def weighing_before(tracker: Tracker) -> Optional[str]:
    """The latest blackmail, shared picture or harassment told earlier in the conversation: a
    despair that follows it is answered with the crisis line first and its key line after."""
    earlier = [SUITE_OF.get(name, name) for name in told_before(tracker)]
    return next((name for name in reversed(earlier) if name in WEIGHING), None)


def scenario_of(tracker: Tracker) -> str:
    """Which scenario's services to list: the message's, or for a general question the latest
    scenario of the conversation (police after a blackmail), the parents' list for a parent."""
    intent = (tracker.latest_message.get("intent") or {}).get("name") or "contacts_aide"
    if intent not in GENERAL:
        return SUITE_OF.get(intent, intent)
    if tracker.get_slot("role") == "parent":
        return "parent_inquiet"
    return tracker.get_slot("sujet") or "contacts_aide"


def followup_of(tracker: Tracker) -> List[str]:
    """The responses answering a typed follow-up question (`suite` entity), if any: those its
    button gives (its rule in data/rules/suites.yml)."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    followup = next(tracker.get_latest_entity_values("suite"), None)
    if not followup or intent in NO_FOLLOWUP or intent == followup:
        return []
    return [action for action in rule_actions().get(followup, []) if action.startswith("utter_")] \
        or [f"utter_{followup}"]


class ActionOrienter(Action):
    def name(self) -> Text:
        return "action_orienter"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in SUITE_OF and situation_before(tracker):
            return []  # a follow-up of the blackmail already answered: its words are enough
        code = user_country(tracker)
        scenario = scenario_of(tracker)
        formal = tracker.get_slot("role") == "parent" or intent in FORMAL_SCENARIOS
        now = local_now(code)
        # a general question lists the latest scenario's services, then the general ones
        scenarios = [scenario, *LISTED_WITH.get(scenario, ())] + ["contacts_aide"] * (intent in GENERAL)
        text, contacts = contacts_message(code, scenarios, formal=formal, now=now)
        # `text` in the card lets the widget show the card instead of the same list as text
        card = {"title": text.splitlines()[0], "contacts": contacts, "text": text}
        dispatcher.utter_message(text=text, json_message=card)
        for response in followup_of(tracker):
            dispatcher.utter_message(response=response)
        return offer_other_situation(dispatcher, tracker)


def offer_other_situation(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """A message that named two situations: the key line of the second one, with its button."""
    other = next(tracker.get_latest_entity_values("autre_situation"), None)
    if not other and (tracker.latest_message.get("intent") or {}).get("name") == "detresse":
        other = weighing_before(tracker)
    if not other:
        return []
    code = user_country(tracker)
    # the second situation's own line, open now if one is ("le 3018 (9 h-23 h)" or "le 119")
    dispatcher.utter_message(response=f"utter_aussi_{other}",
                             ligne=first_line(code, other, local_now(code)))
    return [SlotSet("autre_situation", None)]
