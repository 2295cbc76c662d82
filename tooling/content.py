"""The content table (tests/content_table.yml): sends each scenario to a real Vigie and splits
what comes back into bubbles, helpline list and buttons, with word counts."""
import re
from dataclasses import dataclass, field
from typing import List

import yaml

from actions.avis_robot import BOT_NOTICE
from vigie.directory import COUNTRIES  # noqa: F401  (for scripts/content_report.py: the directory lists the countries)
from tooling.processes import ROOT, Stack

TABLE = yaml.safe_load((ROOT / "tests" / "content_table.yml").read_text(encoding="utf-8"))
TIMES = ("03:00", "12:00", "23:30")
WORD = re.compile(r"\w", re.UNICODE)
INFORMAL_WORD = re.compile(r"\b(?:tu|te|ton|ta|tes|toi|t'|t’)(?=\W|$)", re.IGNORECASE)
QUOTED = re.compile(r"«[^»]*»")


def informal(text: str):
    """The first « tu » outside quoted words (« Tu n'as rien fait de mal » is for the child)."""
    return INFORMAL_WORD.search(QUOTED.sub("", text))


def words(text: str) -> int:
    """Words as a reader sees them: space-separated pieces with a letter or a digit."""
    return sum(1 for piece in text.split() if WORD.search(piece))


@dataclass
class Answer:
    bubbles: List[str] = field(default_factory=list)   # the bot's words, in order
    card: str = ""                                      # the helpline list (text form)
    buttons: List[str] = field(default_factory=list)

    @property
    def whole(self) -> str:
        return "\n".join(self.bubbles + [self.card]).lower()

    @property
    def counts(self) -> List[int]:
        return [words(b) for b in self.bubbles]


def first_contact(counts: List[int]) -> int:
    """The words of an answer given as a conversation's first: its bubbles and the robot notice."""
    return sum(counts) + words(BOT_NOTICE)


def answer_of(replies: List[dict]) -> Answer:
    cards = {r["custom"]["text"] for r in replies if isinstance(r.get("custom"), dict) and r["custom"].get("text")}
    answer = Answer()
    for reply in replies:
        text = reply.get("text")
        if text and text in cards:
            answer.card = text
        elif text:
            answer.bubbles.append(text)
        answer.buttons += [b["title"] for b in reply.get("buttons", [])]
    return answer


def ask(stack: Stack, sender: str, country: str, message: str) -> Answer:
    stack.send(sender, '/informer_pays{"pays":"%s"}' % country)
    return answer_of(stack.send(sender, message))


def table_answers(stack: Stack, section: str, label: str):
    """Each row of a section of the table, asked in each country: (name, spec, country, answer).
    A row without a message (a follow-up) is sent as its button's payload."""
    for name, spec in TABLE[section].items():
        for country in COUNTRIES:
            message = spec.get("message") or f"/{name}"
            yield name, spec, country, ask(stack, f"{section}-{name}-{country}-{label}", country, message)


def per_country(spec: dict, country: str) -> List[str]:
    if isinstance(spec, list):  # the same in every country
        return [s.lower() for s in spec]
    spec = spec or {}
    return [s.lower() for s in spec.get("all", []) + spec.get(country, [])]


def problems(name: str, spec: dict, country: str, answer: Answer, limits: dict) -> List[str]:
    """Every way this answer breaks its row of the table (empty: it passes)."""
    found = []
    whole, first = answer.whole, (answer.bubbles[0].lower() if answer.bubbles else "")
    for point in per_country(spec.get("must"), country) + TABLE["emergency"][country] * (
            name in TABLE["scenarios"] and name not in TABLE["calm"]):
        if point.lower() not in whole:
            found.append(f"missing {point!r}")
    for point in per_country(spec.get("first"), country):
        if point not in first:
            found.append(f"first bubble lacks {point!r}")
    forbidden = TABLE["must_not_anywhere"] + spec.get("must_not", []) + (spec.get("must_not_in") or {}).get(country, [])
    for point in forbidden:
        if point.lower() in whole:
            found.append(f"says {point!r}")
    counts = answer.counts
    if counts and counts[0] > limits["first"]:
        found.append(f"first bubble {counts[0]} words > {limits['first']}")
    if any(c > limits["bubble"] for c in counts):
        found.append(f"a bubble has {max(counts)} words > {limits['bubble']}")
    if sum(counts) > limits["total"]:
        found.append(f"{sum(counts)} words before the buttons > {limits['total']}")
    if first_contact(counts) > limits.get("first_contact", 10 ** 6):
        found.append(f"{first_contact(counts)} words as a first contact > {limits['first_contact']}")
    if spec.get("formal") and informal(whole):
        found.append(f"« tu » in a parent answer: {informal(whole).group(0)!r}")
    for service in (spec.get("first_offered_not") or {}).get(country, []):
        first_line = next((line for line in answer.card.lower().splitlines() if line.startswith("•")), "")
        if service in first_line:
            found.append(f"{service!r} offered first")
    return found
