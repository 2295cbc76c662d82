"""action_orienter: the helplines that fit the scenario and the user's country, open ones first."""
import datetime as dt
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.contacts import contacts_message
from vigie.directory import default_country

BOT_NOTICE = ("Je suis un robot, pas une personne : je ne remplace pas un adulte, "
              "une ligne d'aide ou la police.")
FORMAL_SCENARIOS = {"parent_inquiet"}


def clock() -> dt.datetime:
    """The current time (tests freeze it)."""
    return dt.datetime.now(dt.timezone.utc)


def is_first_answer(tracker: Tracker) -> bool:
    """No bot message before the user's latest message in this session: the bot notice is due."""
    seen_user_message = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "session_started":
            return True
        if seen_user_message and kind == "bot":
            return False
        seen_user_message = seen_user_message or kind == "user"
    return True


class ActionOrienter(Action):
    def name(self) -> Text:
        return "action_orienter"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        scenario = (tracker.latest_message.get("intent") or {}).get("name") or "contacts_aide"
        code = tracker.get_slot("pays") or default_country()
        text, contacts = contacts_message(code, scenario, formal=scenario in FORMAL_SCENARIOS,
                                          now=clock())
        if is_first_answer(tracker):
            text += "\n\n" + BOT_NOTICE
        dispatcher.utter_message(text=text, json_message={"contacts": contacts})
        return offer_other_situation(dispatcher, tracker)


def offer_other_situation(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """A message that named two situations: the key line of the second one, with its button."""
    other = next(tracker.get_latest_entity_values("autre_situation"), None)
    if not other:
        return []
    dispatcher.utter_message(response=f"utter_aussi_{other}")
    return [SlotSet("autre_situation", None)]
