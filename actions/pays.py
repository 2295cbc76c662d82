"""A country given after a situation was answered: that situation's key line and helplines again,
with the new country's numbers (the answer before had another country's)."""
import functools
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.orienter import BOT_NOTICE, ActionOrienter, is_first_answer
from actions.urgence_medicale import ActionUrgenceMedicale
from vigie import PROJECT_ROOT
from vigie.lexicon import load_yaml


@functools.lru_cache(maxsize=None)
def key_lines() -> Dict[str, str]:
    """Situation -> the response or action its rule gives before the helplines (data/rules)."""
    keys = {}
    for path in sorted((PROJECT_ROOT / "data" / "rules").glob("*.yml")):
        for rule in load_yaml(str(Path(path).relative_to(PROJECT_ROOT))).get("rules") or []:
            steps = [step.get("action") for step in rule["steps"][1:]]
            if "intent" in rule["steps"][0] and "condition" not in rule and "action_orienter" in steps[1:]:
                keys[rule["steps"][0]["intent"]] = steps[0]
    return keys


def key_line(situation: Optional[str]) -> Optional[str]:
    return key_lines().get(situation or "")


class ActionPays(Action):
    def name(self) -> Text:
        return "action_pays"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        key = key_line(tracker.get_slot("sujet"))
        if not key:
            # no situation told yet: "c'est noté", and the robot notice if it opens the conversation
            if is_first_answer(tracker):
                dispatcher.utter_message(text=BOT_NOTICE)
            return []
        if key == ActionUrgenceMedicale().name():
            ActionUrgenceMedicale().run(dispatcher, tracker, domain)
        elif key.startswith("utter_"):
            dispatcher.utter_message(response=key)
        return ActionOrienter().run(dispatcher, tracker, domain)
