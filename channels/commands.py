"""What Rasa receives for a text a user typed, on every channel: a channel's own command
("/start", "/efface" on Telegram) becomes its payload; a button payload of a known intent
("/informer_pays{...}") stays as it is; any other leading slash is dropped, so that
"/je suis harcelé" or a typed "/chantage" is read as words, never as an intent."""
import re
from typing import Iterable, Mapping, Optional, Text

COMMAND = re.compile(r"^/(\w+)(@\w+)?(\s.*)?$", re.DOTALL)   # "/start@VigieBot param"
PAYLOAD_INTENT = re.compile(r"^/([^{@]+)")                     # "/informer_pays{...}"


def typed_text(text: Text, commands: Optional[Mapping[str, str]] = None,
               payload_intents: Optional[Iterable[Text]] = ()) -> Text:
    """`commands`: the channel's commands and their payloads. `payload_intents`: the intents a
    typed payload may name (a widget's buttons send them as text); None when unknown, and then
    any payload is left to Rasa."""
    text = (text or "").strip()
    if not text.startswith("/"):
        return text
    command = COMMAND.match(text)
    if command and command.group(1).lower() in (commands or {}):
        return commands[command.group(1).lower()]
    payload = PAYLOAD_INTENT.match(text)
    if payload_intents is None or (payload and payload.group(1).strip() in payload_intents):
        return text
    if command:
        return (command.group(1) + (command.group(3) or "")).strip()
    return text.lstrip("/").strip()
