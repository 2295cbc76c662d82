"""The helpline directory: schema and opening hours (the answers that quote it:
tests/unit/test_country_answers.py)."""
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from vigie import PROJECT_ROOT
from vigie.directory import COUNTRIES, directory, opening_hours, services_for, status
from vigie.domain_files import domain_yaml

DOMAIN = domain_yaml()
SCENARIOS = set(DOMAIN["intents"]) | {"nlu_fallback"}


def all_services():
    for code, place in directory()["countries"].items():
        for service in place["services"]:
            yield code, service
    for service in directory()["international"]:
        yield "international", service


@pytest.mark.parametrize("code,service", list(all_services()), ids=lambda x: x if isinstance(x, str) else x["id"])
def test_every_service_has_a_source_a_date_and_valid_fields(code, service):
    assert service.get("source"), "a service without its source"
    assert isinstance(service.get("checked"), dt.date), "a service without the date it was checked"
    assert service.get("phone") or service.get("web"), "a service nobody can reach"
    assert set(service["scenarios"]) <= SCENARIOS, "unknown scenario name"
    hours = service["hours"]
    assert hours.get("always") or hours.get("unknown") or len(hours.get("daily", [])) == 2


def test_every_country_has_an_emergency_number_and_a_valid_time_zone():
    assert set(directory()["countries"]) == set(COUNTRIES)
    for place in directory()["countries"].values():
        ZoneInfo(place["timezone"])
        assert re.fullmatch(r"\d{2,3}", place["emergency"]["number"])


@pytest.mark.parametrize("code", COUNTRIES)
@pytest.mark.parametrize("scenario", ["chantage", "photo_partagee", "rencontre", "detresse", "urgence",
                                      "contacts_aide"])
def test_every_danger_scenario_has_a_phone_number_in_every_country(code, scenario):
    assert any(s.get("phone") for s in services_for(code, scenario))


PARIS = ZoneInfo("Europe/Paris")


def at_paris(hour):
    return dt.datetime(2026, 11, 30, hour, 0, tzinfo=PARIS)


def test_3018_is_closed_at_night_and_open_in_the_afternoon():
    line_3018 = next(s for c, s in all_services() if s["id"] == "e_enfance_3018")
    assert status(line_3018, "Europe/Paris", at_paris(3)).open is False
    assert status(line_3018, "Europe/Paris", at_paris(3)).reopens_at == "9 h"
    assert status(line_3018, "Europe/Paris", at_paris(14)).open is True


def test_open_services_come_first_at_night():
    night = services_for("FR", "chantage", at_paris(3))
    assert night[0]["status"].open is True
    assert night[-1]["id"] == "e_enfance_3018"
    assert services_for("FR", "chantage", at_paris(14))[0]["id"] == "e_enfance_3018"


def test_opening_hours_as_an_answer_writes_them():
    by_id = {s["id"]: s for _, s in all_services()}
    assert opening_hours(by_id["e_enfance_3018"]) == "9 h-23 h"
    assert opening_hours(by_id["allo_119"]) == "24 h/24"
    assert opening_hours(by_id["kjt"]) is None


@pytest.mark.parametrize("hour", [0, 3, 9, 14, 22, 23])
def test_round_the_clock_lines_are_always_open(hour):
    for _, service in all_services():
        if service["hours"].get("always"):
            assert status(service, "Europe/Paris", at_paris(hour)).open is True


def test_unverified_hours_are_unknown():
    kjt = next(s for c, s in all_services() if s["id"] == "kjt")
    assert status(kjt, "Europe/Luxembourg", at_paris(14)).open is None


# ---------- every label the bot shows traces to ../shared/knowledge/helplines.md ----------

HELPLINES_MD = PROJECT_ROOT.parent / "shared" / "knowledge" / "helplines.md"
LABEL_FACTS = {"free": "free", "anonymous": "anonymous", "confidential": "confidential"}


def helplines_row(service):
    """The table row of helplines.md that names this service (by its number or its site)."""
    site = (service.get("web") or "").replace("https://", "").replace("www.", "").split("/")[0]
    keys = [k for k in (service.get("phone"), service["name"].split(" (")[0], site) if k]
    for line in HELPLINES_MD.read_text(encoding="utf-8").splitlines():
        cells = line.split("|")
        if len(cells) > 3 and any(key in "|".join(cells[1:3]) for key in keys):
            return line
    return None


@pytest.mark.skipif(not HELPLINES_MD.exists(), reason="the shared knowledge files are not beside the project")
@pytest.mark.parametrize("code,service", [(c, s) for c, s in all_services() if s.get("kind") != "emergency"],
                         ids=lambda x: x if isinstance(x, str) else x["id"])
def test_labels_are_stated_in_helplines_md(code, service):
    if service["id"] == "france_victimes":  # from advice.md: "France Victimes 116 006, free, 9h-19h 7/7"
        return
    row = helplines_row(service)
    assert row, f"{service['id']} is not in helplines.md"
    for key, fact in LABEL_FACTS.items():
        assert service.get(key) in (None, True), f"{service['id']}: write only what is stated ({key})"
        if service.get(key):
            assert fact in row.lower(), f"{service['id']}: '{fact}' is not in {row!r}"
    if service["hours"].get("always") and (service.get("phone") or service.get("chat")):
        assert "24/7" in row, f"{service['id']}: '24 h/24' is not in {row!r}"


def test_emergency_numbers_carry_no_labels():
    for _, service in all_services():
        if service.get("kind") == "emergency":
            assert not any(service.get(k) for k in LABEL_FACTS), service["id"]
