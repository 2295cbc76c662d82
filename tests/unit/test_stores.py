"""Stored conversations keep only their last turns, with the state they had (vigie/stores.py),
and Rasa cannot serve Vigie without the action fallback (vigie/resilience.py)."""
import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from vigie import resilience
from vigie.domain_files import DOMAIN_DIR
from vigie.stores import KEEP_TURNS, ErasableInMemoryTrackerStore, compact, erase_requested

DOMAIN = Domain.load(str(DOMAIN_DIR))


def conversation(turns: int) -> DialogueStateTracker:
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    for turn in range(turns):
        events += [UserUttered(f"message {turn}", {"name": "saluer", "confidence": 1.0})]
        if turn == 1:
            events += [SlotSet("pays", "FR")]
        events += [ActionExecuted("utter_saluer"), BotUttered(f"réponse {turn}"),
                   ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("compact", events, slots=DOMAIN.slots)


def user_texts(tracker: DialogueStateTracker):
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def with_turn(intent: str, *actions: str) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"), UserUttered("…", {"name": intent, "confidence": 1.0})]
    return DialogueStateTracker.from_events("erase", events + [ActionExecuted(a) for a in actions])


def test_the_erasure_follows_the_last_messages_intent():
    assert erase_requested(with_turn("effacer"))                   # before any answer
    assert erase_requested(with_turn("effacer", "utter_effacer"))
    assert erase_requested(with_turn("nlu_fallback", "utter_effacer"))  # the erase action
    assert not erase_requested(with_turn("saluer", "utter_saluer"))
    earlier = with_turn("effacer", "utter_effacer")
    earlier.update(UserUttered("salut", {"name": "saluer", "confidence": 1.0}))
    assert not erase_requested(earlier)


def test_a_short_conversation_is_kept_whole():
    tracker = conversation(KEEP_TURNS)
    assert compact(tracker) is tracker


def test_a_long_conversation_keeps_its_last_turns_and_its_country():
    tracker = conversation(40)
    kept = compact(tracker)
    assert user_texts(kept) == [f"message {t}" for t in range(40 - KEEP_TURNS, 40)]
    assert kept.get_slot("pays") == "FR"
    assert kept.latest_message.text == "message 39"
    assert kept.latest_action_name == "action_listen"
    assert list(kept.events)[-4:] == list(tracker.events)[-4:]
    assert compact(kept) is kept or user_texts(compact(kept)) == user_texts(kept)


@pytest.mark.asyncio
async def test_the_store_saves_the_compacted_conversation():
    store = ErasableInMemoryTrackerStore(DOMAIN)
    await store.save(conversation(40))
    stored = await store.retrieve("compact")
    assert len(user_texts(stored)) == KEEP_TURNS and stored.get_slot("pays") == "FR"


def test_schema_validator_accepts_an_answer_and_rejects_a_wrong_one():
    action = resilience.ResilientRemoteAction("action_orienter", None)
    assert action._validate_action_result({"events": [], "responses": [{"text": "ok"}]})
    with pytest.raises(Exception):
        action._validate_action_result({"events": "not a list"})
