"""The answers that depend on the country quote the directory: domain/countries.yml is what
scripts/country_answers.py writes now, and no phone number is written by hand in the domain."""
import copy
import re

import pytest

from scripts.country_answers import OUTPUT, PLACEHOLDER, TEMPLATE, MissingFact, generated
from vigie import PROJECT_ROOT
from vigie.directory import directory
from vigie.domain_files import DOMAIN_DIR, domain_yaml
from vigie.lexicon import load_yaml

HAND_WRITTEN = [path for path in sorted(DOMAIN_DIR.glob("*.yml")) if path != OUTPUT]
# two digits or more, except an age ("avant tes 18 ans"): a phone number, or hours ("24 h/24")
NUMBER = re.compile(r"(?<!\d)\d{2,}(?!\d)(?! ans\b)")


def strings(value):
    """Every string a user may see in a response: texts, button titles, payloads (no conditions)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            if name not in ("condition", "country"):
                yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def responses(path):
    return load_yaml(str(path.relative_to(PROJECT_ROOT))).get("responses") or {}


def hand_written_texts():
    for path in HAND_WRITTEN:
        for name, variants in responses(path).items():
            yield from ((path.name, name, text) for text in strings(variants))
    for name, variants in load_yaml(TEMPLATE)["responses"].items():
        # a placeholder's own |wording is hand-written too
        yield from ((TEMPLATE, name, PLACEHOLDER.sub(lambda m: m.group(3) or "", text))
                    for text in strings(variants))


@pytest.mark.parametrize("text,numbers", [("Appelle le 3018 (9 h-23 h).", ["3018", "23"]),
                                          ("gratuit, 24 h/24", ["24", "24"]),
                                          ("prise avant tes 18 ans", []), ("signale", [])])
def test_the_number_pattern(text, numbers):
    assert NUMBER.findall(text) == numbers


def test_no_phone_number_or_hour_is_written_by_hand():
    found = [(where, name, NUMBER.findall(text)) for where, name, text in hand_written_texts() if NUMBER.search(text)]
    assert not found, f"numbers and hours come from directory/helplines.yml ({TEMPLATE}): {found}"


def test_the_countries_file_is_what_the_generator_writes_now():
    assert OUTPUT.read_text(encoding="utf-8") == generated(), \
        "run `make generate` after changing directory/helplines.yml or directory/answers.yml"


def test_answers_that_depend_on_the_country_are_only_generated():
    for path in HAND_WRITTEN:
        for name, variants in responses(path).items():
            conditions = [c for variant in variants for c in variant.get("condition", [])]
            assert not any(c["name"] == "pays" for c in conditions), f"{path.name}: {name} belongs in {TEMPLATE}"


def test_every_generated_answer_has_a_variant_for_the_other_countries():
    for name, variants in load_yaml(TEMPLATE)["responses"].items():
        assert any("country" not in variant for variant in variants), name


def test_the_domain_files_define_each_name_once():
    merged = domain_yaml()  # raises on a response or slot defined twice
    assert "utter_orienter_secours" in merged["responses"] and "utter_bienvenue" in merged["responses"]


def with_service(service_id, **changes):
    facts = copy.deepcopy(directory())
    services = [s for place in facts["countries"].values() for s in place["services"]]
    service = next(s for s in services if s["id"] == service_id)
    for key, value in changes.items():
        if value is None:
            service.pop(key, None)
        else:
            service[key] = value
    return facts


def test_a_number_changed_in_the_directory_changes_the_answers():
    text = generated(with_service("child_focus", phone="116 999"))
    assert "116 000" not in text and "Child Focus au 116 999" in text


@pytest.mark.parametrize("service_id,changes,placeholder", [
    ("suicide_3114", {"free": None}, "suicide_3114.free"),  # "gratuit" only where the directory says so
    ("allo_119", {"hours": {"daily": ["09:00", "23:00"]}}, "allo_119.always"),  # "à toute heure"
    ("e_enfance_3018", {"hours": {"unknown": True}}, "e_enfance_3018.hours"),  # "9 h-23 h"
    ("pro_juventute_147", {"whatsapp": None}, "pro_juventute_147.whatsapp"),
    ("main_tendue_143", {"anonymous": True, "free": None}, "main_tendue_143.free"),  # "gratuits", both
])
def test_a_fact_the_directory_does_not_state_stops_the_generation(service_id, changes, placeholder):
    with pytest.raises(MissingFact, match=re.escape(placeholder)):
        generated(with_service(service_id, **changes))


def test_an_unknown_entry_stops_the_generation():
    template = {"responses": {"utter_x": [{"text": "Appelle le {nowhere.phone}."}]}}
    with pytest.raises(MissingFact, match="nowhere"):
        generated(template=template)
