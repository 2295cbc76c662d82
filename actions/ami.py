"""A friend who speaks of suicide or self-harm: the country's crisis line first, for the friend
and for the teen who writes (the lines answer the people around too), then the emergency number."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.contacts import first_line
from actions.orienter import local_now, user_country
from vigie.directory import all_emergencies_number


class ActionDetresseAmi(Action):
    def name(self) -> Text:
        return "action_detresse_ami"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        code = user_country(tracker)
        dispatcher.utter_message(response="utter_detresse_ami_ligne",
                                 ligne=first_line(code, "detresse", local_now(code)),
                                 urgence=all_emergencies_number(code))
        return []
