"""Writes domain/countries.yml, the answers that depend on the country: their wording from
directory/answers.yml, every number, hour and label from directory/helplines.yml.
`make generate`; tests/unit/test_country_answers.py fails when the file is out of date."""
import json
import re
from typing import Any, Dict, Optional

from vigie import PROJECT_ROOT
from vigie.directory import directory, opening_hours
from vigie.lexicon import load_yaml

TEMPLATE = "directory/answers.yml"
OUTPUT = PROJECT_ROOT / "domain" / "countries.yml"
HEADER = ("# generated from directory/helplines.yml by `make generate`: do not edit\n"
          f"# (the wording is in {TEMPLATE})\n")
# {entry.field} or {entry.field|wording}; Rasa's own {slot} has no dot and is left alone
PLACEHOLDER = re.compile(r"\{([\w+]+)\.([\w.]+)(?:\|([^{}]*))?\}")
LABELS = {"free": "gratuit", "anonymous": "anonyme", "confidential": "confidentiel"}


class MissingFact(ValueError):
    """The template names something the directory does not state."""


def entries(facts: dict) -> Dict[str, dict]:
    """What a placeholder can name: the countries by code, the services by id."""
    known = dict(facts["countries"])
    for place in facts["countries"].values():
        known.update({service["id"]: service for service in place["services"]})
    known.update({service["id"]: service for service in facts.get("international", [])})
    return known


def _site(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def fact(entry: dict, field: str) -> Any:
    """The entry's field as an answer writes it; MissingFact when the directory does not state it."""
    if field in LABELS:
        value = LABELS[field] if entry.get(field) is True else None
    elif field == "always":
        value = "24 h/24" if (entry.get("hours") or {}).get("always") else None
    elif field == "hours":
        value = opening_hours(entry)
    else:
        value = entry
        for key in field.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if field in ("web", "chat") and isinstance(value, str):
            value = _site(value)
    if value in (None, False, ""):
        raise MissingFact(f"the directory does not state {field}")
    return value


def render(text: str, known: Dict[str, dict]) -> str:
    def substitute(match: re.Match) -> str:
        names, field, wording = match.groups()
        try:
            values = [fact(known[name], field) for name in names.split("+")]
        except KeyError as error:
            raise MissingFact(f"{match.group(0)}: no entry {error} in the directory") from None
        except MissingFact as error:
            raise MissingFact(f"{match.group(0)}: {error}") from None
        if wording is not None:
            return wording
        if any(not isinstance(v, str) for v in values):  # e.g. whatsapp: true
            raise MissingFact(f"{match.group(0)}: a yes/no fact needs its |wording")
        if len(set(values)) > 1:
            raise MissingFact(f"{match.group(0)}: the entries differ ({', '.join(values)})")
        return values[0] + ("s" if field in LABELS and len(values) > 1 else "")

    result = PLACEHOLDER.sub(substitute, text)
    leftover = re.search(r"\{[^{}]*[.|][^{}]*\}", result)
    if leftover:
        raise MissingFact(f"malformed placeholder {leftover.group(0)}")
    return result


def variant(spec: dict, facts: dict, known: Dict[str, dict], for_parents: bool = False) -> dict:
    """A template variant as Rasa reads it: `country` becomes the condition on the `pays` slot,
    `role: parent` the one on the `role` slot. Rasa draws at random among the conditional
    variants that match, so when a response has a parents' variant (never per country), its
    country variants are for teens only (`role` unset)."""
    spec = dict(spec)
    code: Optional[str] = spec.pop("country", None)
    role: Optional[str] = spec.pop("role", None)
    conditions = []
    if code is not None:
        if code not in facts["countries"]:
            raise MissingFact(f"country {code} is not in the directory")
        if role is not None:
            raise MissingFact(f"country {code}: a parents' variant is written once, for every country")
        conditions.append({"type": "slot", "name": "pays", "value": code})
        if for_parents:
            conditions.append({"type": "slot", "name": "role", "value": None})
    if role is not None:
        conditions.append({"type": "slot", "name": "role", "value": role})
    rasa: Dict[str, Any] = {"condition": conditions} if conditions else {}
    rasa["text"] = render(spec.pop("text"), known)
    return rasa | spec


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _lines(name: str, variants: list) -> list:
    lines = [f"  {name}:"]
    for rasa in variants:
        for position, (key, value) in enumerate(rasa.items()):
            lead = "    - " if position == 0 else "      "
            if key == "buttons":
                lines.append(f"{lead}{key}:")
                lines += [f"        - {_value(button)}" for button in value]
            else:
                lines.append(f"{lead}{key}: {_value(value)}")
    return lines


def generated(facts: Optional[dict] = None, template: Optional[dict] = None) -> str:
    """The text of domain/countries.yml for these facts and this wording (default: the files)."""
    facts = directory() if facts is None else facts
    template = load_yaml(TEMPLATE) if template is None else template
    known = entries(facts)
    lines = [HEADER + 'version: "3.1"', "", "responses:"]
    for name, specs in template["responses"].items():
        try:
            for_parents = any("role" in spec for spec in specs)
            lines += _lines(name, [variant(spec, facts, known, for_parents) for spec in specs])
        except MissingFact as error:
            raise MissingFact(f"{TEMPLATE}, {name}: {error}") from None
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(generated(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(PROJECT_ROOT)}")
