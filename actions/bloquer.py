"""action_bloquer: the blocking and reporting steps, the app named in the conversation first
("un mec de snap…", then "comment je le bloque ?": Snapchat's steps lead)."""
import functools
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from vigie.domain_files import domain_yaml

STEPS = "utter_bloquer_apps"
BULLET = "• "


@functools.lru_cache(maxsize=None)
def responses() -> Dict[str, list]:
    # read from the domain's files: Rasa sends the actions a domain without its responses
    return domain_yaml()["responses"]


def response_text(name: str, tracker: Tracker) -> str:
    """The text Rasa would send for this response: the first variant whose slot conditions
    hold (a parent's « vous »), else the one without conditions."""
    variants = responses()[name]
    matching = [v for v in variants if v.get("condition")
                and all(tracker.get_slot(c["name"]) == c["value"] for c in v["condition"])]
    return (matching or [v for v in variants if not v.get("condition")])[0]["text"]


def named_app_first(text: str, app: Optional[str]) -> str:
    """The steps with the named app's line moved to the top of the list."""
    lines = text.split("\n")
    named = [line for line in lines if app and line.startswith(f"{BULLET}{app} ")]
    if not named:
        return text
    first_step = next(i for i, line in enumerate(lines) if line.startswith(BULLET))
    others = [line for line in lines if line not in named]
    return "\n".join(others[:first_step] + named + others[first_step:])


class ActionBloquer(Action):
    def name(self) -> Text:
        return "action_bloquer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=named_app_first(response_text(STEPS, tracker), tracker.get_slot("app")))
        return []
