"""When a danger is possible but not certain: one direct question, the number visible, yes/no
buttons (action_verifier_danger); the teen's typed "oui" or "non" then gets the full danger
answer or the other one at once (action_reponse_doute). A warning sign of despair after a
blackmail, a shared picture or harassment earlier in the conversation is not asked about: it
is despair, answered with the crisis line first and that situation's key line after."""
import datetime as dt
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions.contacts import first_line
from actions.orienter import local_now, user_country, weighing_before
from vigie.directory import all_emergencies_number, country

QUESTIONS = {
    "urgence": "Est-ce que tu es en danger, là, maintenant ?",
    "detresse": "Est-ce que tu penses au suicide, ou à te faire du mal ?",
    "chantage": "Est-ce que quelqu'un menace de diffuser des photos ou des vidéos de toi ?",
}


def number_line(code: str, doubted: str, now: dt.datetime) -> str:
    """The number to see before answering: emergency, crisis line or sextortion line."""
    if doubted == "urgence":
        return f"Si oui, appelle tout de suite le {country(code)['emergency']['label']}."
    if doubted == "detresse":
        return f"Si oui, appelle {first_line(code, 'detresse', now)}. Danger immédiat : {all_emergencies_number(code)}."
    return ("Si oui : ne paie pas et n'envoie plus rien, ce n'est pas ta faute. "
            f"Appelle {first_line(code, 'chantage', now)}.")


class ActionVerifierDanger(Action):
    def name(self) -> Text:
        return "action_verifier_danger"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        code = user_country(tracker)
        doubted = next(tracker.get_latest_entity_values("doute"), None) or "detresse"
        if doubted == "detresse" and weighing_before(tracker):
            return replayed("detresse")
        alternative = next(tracker.get_latest_entity_values("alternative"), None) or "autre_souci"
        dispatcher.utter_message(
            text=f"{QUESTIONS[doubted]}\n{number_line(code, doubted, local_now(code))}",
            buttons=[{"title": "Oui", "payload": f"/{doubted}"},
                     {"title": "Non", "payload": "/nier"}])
        return [SlotSet("doute", doubted), SlotSet("alternative", alternative)]


class ActionReponseDoute(Action):
    """The answer the question promised: "oui" -> the danger's own rule, "non" -> the other
    answer. It replays the choice as the user's intent, so that the rules answer it whole."""

    def name(self) -> Text:
        return "action_reponse_doute"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        said_yes = (tracker.latest_message.get("intent") or {}).get("name") == "affirmer"
        intent = tracker.get_slot("doute") if said_yes else tracker.get_slot("alternative")
        intent = intent or ("detresse" if said_yes else "autre_souci")
        return [SlotSet("doute", None), SlotSet("alternative", None), *replayed(intent)]


def replayed(intent: str) -> List[Dict[Text, Any]]:
    """The user's message replayed as `intent`, so that the rules answer it whole."""
    return [ActionExecuted("action_listen"),
            UserUttered(f"/{intent}", parse_data={
                "intent": {"name": intent, "confidence": 1.0}, "entities": [],
                "intent_ranking": [{"name": intent, "confidence": 1.0}], "text": f"/{intent}"})]
