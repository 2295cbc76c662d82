"""action_avis_robot: the robot notice, at the end of a conversation's first answer whatever it
answered (a country, a situation, a worry), so that the advice is read first."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

# short: a first answer, notice included, stays within 100 words (tests/content_table.yml)
BOT_NOTICE = "Je suis un robot, pas une personne : je ne remplace pas un adulte."


def is_first_answer(tracker: Tracker) -> bool:
    """No bot message before the user's latest message in this conversation: the bot notice is due."""
    seen_user_message = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "session_started":
            return True
        if seen_user_message and kind == "bot":
            return False
        seen_user_message = seen_user_message or kind == "user"
    return True


class ActionAvisRobot(Action):
    def name(self) -> Text:
        return "action_avis_robot"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if is_first_answer(tracker):
            dispatcher.utter_message(text=BOT_NOTICE)
        return []
