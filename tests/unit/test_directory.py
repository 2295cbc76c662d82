"""The helpline directory: schema and opening hours (the answers that quote it:
tests/unit/test_country_answers.py)."""
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

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


# ---------- labels: only what a service's source states ----------

LABEL_FACTS = ("free", "anonymous", "confidential")


def test_emergency_numbers_carry_no_labels():
    for _, service in all_services():
        if service.get("kind") == "emergency":
            assert not any(service.get(k) for k in LABEL_FACTS), service["id"]


@pytest.mark.parametrize("code,service", list(all_services()), ids=lambda x: x if isinstance(x, str) else x["id"])
def test_a_label_is_stated_or_left_out(code, service):
    """A fact the source does not state is left out, never written `false`."""
    for key in LABEL_FACTS:
        assert service.get(key) in (None, True), f"{service['id']}: write only what is stated ({key})"
