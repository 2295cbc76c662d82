"""Pills or medicine taken: the medical emergency number of the user's country first
(directory, `medical`), then the helplines (action_orienter's card: poison centre, crisis line)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.orienter import user_country
from vigie.directory import country


def medical_line(code: str) -> str:
    return (f"🚨 Appelle le {country(code)['medical']['label']} maintenant, "
            "ou demande à quelqu'un près de toi de le faire.")


class ActionUrgenceMedicale(Action):
    def name(self) -> Text:
        return "action_urgence_medicale"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=medical_line(user_country(tracker)))
        return []
