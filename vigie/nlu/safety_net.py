"""Pipeline step after the intent classifier: deterministic overrides for danger and bad input."""
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from vigie.danger import (LAUGHTER, blackmail_told, danger_asked, despair_of, danger_trigger, figure_of_speech,
                          safety_intent)
from vigie.scenarios import (DANGER, DANGER_CONFIDENCE, DOUBT, FRIEND_DESPAIR, GROUP_OF, IMMEDIATE, PRIORITY,
                             SUITE_OF)
from vigie.situations import two_situations
from vigie.language import is_foreign_language, is_wordless
from vigie.danger_place import place_of
from vigie.nlu import StatelessComponent, add_entity
from vigie.nlu.writer import ENTITY as WRITER
from vigie.text import is_command, normalize

SAFETY_NET = "safety_net"
OTHER_SITUATION = "autre_situation"   # entity and slot: the second situation, offered at once
DOUBTED = "doute"                     # entity and slot: the danger asked about
ALTERNATIVE = "alternative"           # entity and slot: the answer if the teen says no
PLACE = "lieu"                        # entity and slot: where a teen in immediate danger is
NOT_AN_ANSWER = {"nlu_fallback", DOUBT, "message_vide", "autre_langue"}
SHORT_MESSAGE_TOKENS = 15
# the other answer must be a real candidate, else the everyday answer
ALTERNATIVE_CONFIDENCE = 0.2
# an urgence or a despair ranked behind another answer with this much is asked about (on the
# development sets: 4 of 5 danger messages that got neither answer nor question, and 18 of
# 1,815 other messages asked; 0.2 would ask 30, 0.3 rescue 3)
DANGER_CLOSE_BEHIND = 0.25
# answers that already speak of a blackmail: no question about one behind them
BLACKMAIL_ANSWERED = {"parent_inquiet", "ami_concerne", *SUITE_OF}
# a danger on the classifier's word alone in this many words or fewer is asked about
FEW_WORDS = 3
# a teen's situations: told by a parent or a teacher, the adults' answer (not immediate danger)
TOLD_BY_ADULTS = (set(PRIORITY) - set(IMMEDIATE)) | {"culpabilite", "ami_concerne"}


def _override(message: Message, intent: str, reason: str) -> None:
    # the others are halved so that the FallbackClassifier never sees an ambiguous top two
    ranking = [dict(r, confidence=r["confidence"] / 2)
               for r in message.get(INTENT_RANKING_KEY, []) if r.get("name") != intent]
    top = {"name": intent, "confidence": 1.0}
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top] + ranking, add_to_output=True)
    message.set(SAFETY_NET, reason, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(StatelessComponent):
    """Reads the spaCy doc that SpacyNLP made of the cleaned text (lemmas for the danger rules)."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._check(message)
            _add_place(message)
        return messages

    @staticmethod
    def _check(message: Message) -> None:
        """A danger answer needs evidence: a safety rule, or the classifier sure enough of that
        danger. A figure of speech never alarms; a doubt, a warning sign that may be something
        else, or a figure in a long message gets the direct question (`verifier_danger`)."""
        text = message.get(TEXT) or ""
        if is_command(text):
            return
        if is_wordless(text):
            _override(message, "message_vide", "no words")
            return
        predicted = (message.get(INTENT) or {}).get("name")
        doc = message.get(SPACY_DOCS[TEXT])
        imposed = _whose(safety_intent(doc, predicted), predicted, doc)
        if (imposed or predicted) in TOLD_BY_ADULTS and _adult_writes(message):
            # "ma fille a déjà payé 200 euros": a parent's or teacher's answer, in « vous »
            _override(message, "parent_inquiet", "an adult writes")
        elif imposed:
            _override(message, imposed, "danger rule")
        elif predicted in DANGER and (figure := figure_of_speech(doc, predicted)):
            # a short message the figure explains ("je vais mourir de honte"), or a hesitant
            # guess, gets the other answer; a longer one the classifier leans on may say more
            # than the figure ("il m'a frappée ... mon frère"), and laughter alone may cover
            # what the classifier is sure of ("personne me calcule je sers à rien mdr") or
            # what a rule reads ("si je disparais demain au moins ... mdr"): they get the
            # direct question
            confident = message.get(INTENT)["confidence"] >= DANGER_CONFIDENCE[predicted]
            if (confident and (figure == LAUGHTER or len(doc) > SHORT_MESSAGE_TOKENS)) or \
                    (figure == LAUGHTER and danger_asked(doc)):
                _ask_first(message, predicted)
            else:
                _override(message, _alternative(message), "figure of speech")
            return
        elif predicted in DANGER and message.get(INTENT)["confidence"] < DANGER_CONFIDENCE[predicted]:
            ruled = danger_trigger(doc)  # a rule names another danger than the hesitant guess
            if not ruled and blackmail_told(doc):
                # a blackmail the rules see: its answer for a hesitant urgence ("avant ce soir");
                # a hesitant despair is still asked about, the blackmail's answer if it is not one
                if predicted != "detresse":
                    _override(message, "chantage", "danger rule")
                    _offer_other_situation(message, doc)
                else:
                    _ask_first(message, predicted, alternative="chantage")
                return
            if not ruled:
                _ask_first(message, predicted)
                return
            _override(message, _whose(ruled, predicted, doc), "danger rule")
        elif predicted not in DANGER and (asked := danger_asked(doc) or _danger_close_behind(message, doc)):
            _ask_first(message, asked)
            return
        elif predicted in IMMEDIATE and sum(not t.is_punct for t in doc) <= FEW_WORDS:
            # "au secours", "aidez moi vite": too few words to be sure, whatever the classifier says
            _ask_first(message, predicted)
            return
        elif predicted not in IMMEDIATE and is_foreign_language(normalize(text)):
            _override(message, "autre_langue", "other language")
            return
        _offer_other_situation(message, doc)


def _adult_writes(message: Message) -> bool:
    return any(e.get("entity") == WRITER for e in message.get("entities") or [])


def _whose(imposed, predicted, doc):
    """A despair the rules found in someone else's words ("elle se fait du mal"), not told by a
    parent: the friend's despair, whose answer speaks to the friend who writes."""
    if imposed == "detresse" and predicted != "parent_inquiet" and despair_of(doc) != "self" and (
            predicted == "ami_concerne" or despair_of(doc) == "other"):
        return FRIEND_DESPAIR
    return imposed


def _danger_close_behind(message: Message, doc) -> str:
    """A danger the classifier ranks close behind another answer ("j'ai donné mon chat à la
    voisine... y a pas de vacances"; a threat read as harassment, which the fallback would
    have called not understood): it may be one, so it is asked about, unless a figure of
    speech explains it. A blackmail behind a parent's, a friend's or a follow-up's answer is
    already answered there."""
    ranking = message.get(INTENT_RANKING_KEY, [])
    top = ranking[0]["name"] if ranking else ""
    for guess in ranking[1:]:
        if guess["confidence"] < DANGER_CLOSE_BEHIND or guess["name"] not in DANGER:
            continue
        if guess["name"] == "chantage" and top in BLACKMAIL_ANSWERED:
            continue
        if not figure_of_speech(doc, guess["name"]):
            return guess["name"]
    return ""


def _add_place(message: Message) -> None:
    """An immediate danger, answered or asked about: where the teen is (`lieu`), so that the
    safety advice fits it (stay in and lock the door at home, go where people are outside)."""
    intent = (message.get(INTENT) or {}).get("name")
    doubted = (message.get("doubted") or {}).get("name")
    doc = message.get(SPACY_DOCS[TEXT])
    if doc is None or not (intent == "urgence" or (intent == DOUBT and doubted == "urgence")):
        return
    place = place_of(doc)
    if place:
        add_entity(message, PLACE, place, "SafetyNet")


def _alternative(message: Message) -> str:
    """The best answer that is not a danger one: the classifier's next guess if it is a real
    candidate, else the everyday answer."""
    return next((r["name"] for r in message.get(INTENT_RANKING_KEY, [])
                 if r["name"] not in DANGER and r["name"] not in NOT_AN_ANSWER
                 and r["confidence"] >= ALTERNATIVE_CONFIDENCE), "autre_souci")


def _ask_first(message: Message, predicted: str, alternative: str = "") -> None:
    """A danger answer on a hesitant classifier's word alone: ask first (advice.md: asking
    directly does not increase the risk), and keep the best other answer for a "no"."""
    alternative = alternative or _alternative(message)
    doubted = {"name": predicted, "confidence": message.get(INTENT)["confidence"]}
    _override(message, DOUBT, "doubt")
    message.set("doubted", doubted, add_to_output=True)  # bench/danger_threshold.py reads it
    add_entity(message, DOUBTED, GROUP_OF.get(predicted, predicted), "SafetyNet")
    add_entity(message, ALTERNATIVE, alternative, "SafetyNet")


def _offer_other_situation(message: Message, doc) -> None:
    first, other = two_situations(doc, (message.get(INTENT) or {}).get("name"))
    if not other:
        return
    if first != message.get(INTENT)["name"]:
        _override(message, first, "two situations: the more serious first")
    add_entity(message, OTHER_SITUATION, other, "SafetyNet")
