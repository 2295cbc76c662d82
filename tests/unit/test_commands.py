"""One reading of a typed leading slash for every channel (channels/commands.py)."""
import pytest

from channels.commands import typed_text
from channels.telegram import COMMANDS

INTENTS = ["informer_pays", "effacer", "chantage"]


@pytest.mark.parametrize("typed, sent", [
    ("/start", "/saluer"),
    ("/start@VigieBot", "/saluer"),
    ("/start deep-link-param", "/saluer"),
    ("  /efface ", "/effacer"),
    ("/EFFACE@VigieBot", "/effacer"),
    ("/effacer", "effacer"),                      # a typed intent name is words
    ("/chantage{\"x\":1}", "chantage{\"x\":1}"),
    ("/aide moi", "aide moi"),
    ("//start", "start"),
    ("on me menace", "on me menace"),
])
def test_on_telegram_only_start_and_efface_become_payloads(typed, sent):
    assert typed_text(typed, COMMANDS) == sent


@pytest.mark.parametrize("typed, sent", [
    ('/informer_pays{"pays":"FR"}', '/informer_pays{"pays":"FR"}'),   # a widget button
    ("/chantage", "/chantage"),
    ("/efface", "efface"),                        # not an intent: words
    ("/je suis harcelé", "je suis harcelé"),
    ("  on me menace ", "on me menace"),
])
def test_over_rest_a_known_intent_is_a_button_and_the_rest_are_words(typed, sent):
    assert typed_text(typed, payload_intents=INTENTS) == sent


def test_without_a_domain_every_payload_is_left_to_rasa():
    assert typed_text("/nimporte_quoi", payload_intents=None) == "/nimporte_quoi"
