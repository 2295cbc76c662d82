"""The scripted conversations the metrics tests count, over REST and Telegram, with what each
turn must be counted as. Some messages carry marker words, and the senders distinctive ids:
neither may reach the metrics (test_no_teen_data.py)."""
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import List, Optional

import requests

from tests.telegram.support import SECRET, SECRET_HEADER, TelegramBench, load_update
from tooling.processes import texts

# words no answer, domain name or metric contains
MARKERS = ("zorblaxine", "quokkavert", "kwyjibo", "plumbobulax")
TELEGRAM_CHAT = 4815162342


def rest_sender() -> str:
    return f"ado-kwyjibo-{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class Expected:
    """One message and how it must be counted."""

    channel: str
    situation: str
    country: str
    danger: bool = False


@dataclass
class Script:
    turns: List[Expected]
    senders: List[str]

    def answers(self, *labels: str) -> Counter:
        return Counter(tuple(getattr(turn, name) for name in labels) for turn in self.turns)

    def dangers(self) -> Counter:
        return Counter((t.situation, t.country, t.channel) for t in self.turns if t.danger)


def _say(bench: TelegramBench, script: Script, sender: str, text: str, situation: str, country: str,
         danger: bool = False, expect: Optional[str] = None, channel: str = "rest", **fields) -> None:
    answer = requests.post(f"{bench.stack.url}/webhooks/rest/webhook", timeout=30,
                           json={"sender": sender, "message": text, **fields})
    answer.raise_for_status()
    if expect:
        assert expect in texts(answer.json()), (text, answer.json())
    script.turns.append(Expected(channel, situation, country, danger))


def run(bench: TelegramBench) -> Script:
    """Talks to the bench's Rasa server; the action server is stopped before the last turn, so
    that the helpline card fails and its backup answer is sent."""
    script = Script([], [])

    def say(text: str, situation: str, country: str, **options) -> None:
        _say(bench, script, script.senders[-1], text, situation, country, **options)

    def new_conversation() -> None:
        script.senders.append(rest_sender())

    new_conversation()
    say("je suis en France", "informer_pays", "FR")
    say("il menace de publier mes photos si je paie pas, signé zorblaxine", "chantage", "FR", danger=True,
        expect="ne paie pas")
    say("qui je peux appeler ?", "contacts_aide", "FR")
    say("efface", "effacer", "FR", expect="effacée")

    new_conversation()
    say("un homme me suit dans la rue près de la boulangerie quokkavert", "urgence", "BE", danger=True,
        expect="112")

    new_conversation()   # the direct question, then "non": the other answer
    say('/verifier_danger{"doute":"urgence","alternative":"autre_souci"}', "verifier_danger", "BE",
        expect="danger, là, maintenant")
    say("non", "autre_souci", "BE")

    new_conversation()   # the direct question, then "oui": the crisis answer
    say("j'habite en Suisse", "informer_pays", "CH")
    say('/verifier_danger{"doute":"detresse","alternative":"autre_souci"}', "verifier_danger", "CH")
    say("oui", "detresse", "CH", danger=True, expect="143")

    new_conversation()
    say("gloubi zorblaxine boulga tralala plumbobulax", "nlu_fallback", "BE", expect="pas bien compris")

    for _ in range(3):   # one situation often enough to show on the dashboard (6 answers)
        new_conversation()
        say("/contacts_aide", "contacts_aide", "BE")
        say("/contacts_aide", "contacts_aide", "BE")

    new_conversation()   # a channel name the client made up, and metadata: neither is kept
    say("/saluer", "saluer", "BE", channel="autre", input_channel="canal-zorblaxine",
        metadata={"prenom": "Quokkavert"})

    _telegram(bench, script)

    new_conversation()   # last: the action server stops, the card's backup answer is sent
    say("je suis au Québec", "informer_pays", "QC")
    bench.stack.actions.stop()
    say("/contacts_aide", "contacts_aide", "QC", expect="Urgence : 911.")
    return script


def _telegram(bench: TelegramBench, script: Script) -> None:
    sender = {"id": TELEGRAM_CHAT, "is_bot": False, "first_name": "Quokkavert", "username": "kwyjibo_ado"}
    bench.post(load_update("command_start", TELEGRAM_CHAT, **{"from": sender}))
    script.turns.append(Expected("telegram", "saluer", "BE"))
    blackmail = load_update("private_text", TELEGRAM_CHAT, **{"from": sender},
                            text="il menace de publier mes photos si je paie pas, c'est plumbobulax")
    bench.post(blackmail)
    script.turns.append(Expected("telegram", "chantage", "BE", danger=True))
    assert "ne paie pas" in bench.api.text(TELEGRAM_CHAT)
    assert bench.post(blackmail).status_code == 200          # delivered again: a duplicate
    assert bench.post(blackmail, secret="wrong-secret").status_code == 403
    invalid = requests.post(bench.webhook_url, data=b"zorblaxine", headers={SECRET_HEADER: SECRET}, timeout=10)
    assert invalid.status_code == 400
