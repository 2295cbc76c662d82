"""A country given after a situation was answered: that situation's key line and helplines again,
with the new country's numbers (the answer before had another country's)."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.orienter import ActionOrienter
from actions.urgence_medicale import ActionUrgenceMedicale
from vigie.rules import rule_actions


def key_line(situation: Optional[str]) -> Optional[str]:
    """The response or action a situation's rule gives before its helplines."""
    steps = rule_actions().get(situation or "", [])
    return steps[0] if "action_orienter" in steps[1:] else None


class ActionPays(Action):
    def name(self) -> Text:
        return "action_pays"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        key = key_line(tracker.get_slot("sujet"))
        if not key:
            return []  # no situation told yet: "c'est noté" is the answer
        if key == ActionUrgenceMedicale().name():
            ActionUrgenceMedicale().run(dispatcher, tracker, domain)
        elif key.startswith("utter_"):
            dispatcher.utter_message(response=key)
        return ActionOrienter().run(dispatcher, tracker, domain)
