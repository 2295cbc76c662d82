"""The helpline directory (directory/helplines.yml): which services fit a country and a
scenario, and whether each is open now in that country's time zone."""
import datetime as dt
import functools
from dataclasses import dataclass
from typing import List, Optional
from zoneinfo import ZoneInfo

from vigie.lexicon import load_yaml

COUNTRIES = ("BE", "FR", "CH", "QC", "LU")


@functools.lru_cache(maxsize=None)
def directory() -> dict:
    return load_yaml("directory/helplines.yml")


def default_country() -> str:
    return directory()["default_country"]


def country(code: Optional[str]) -> dict:
    countries = directory()["countries"]
    return countries.get(code or "", countries[default_country()])


@dataclass
class Status:
    """Opening status of a service at a given moment."""

    open: Optional[bool]          # None when the hours are unknown
    reopens_at: Optional[str] = None  # "9 h" when closed
    closes_at: Optional[str] = None   # "23 h" when open on daily hours

    @property
    def rank(self) -> int:
        # closed lines go last; lines with unverified hours keep their place
        return 1 if self.open is False else 0


def _parse(hhmm: str) -> dt.time:
    hour, minute = hhmm.split(":")
    return dt.time(int(hour), int(minute))


def _french_hour(moment: dt.time) -> str:
    return f"{moment.hour} h" + (f" {moment.minute:02d}" if moment.minute else "")


def status(service: dict, timezone: str, now: Optional[dt.datetime] = None) -> Status:
    hours = service.get("hours") or {"unknown": True}
    if hours.get("always"):
        return Status(True)
    if "daily" not in hours:
        return Status(None)
    local = (now or dt.datetime.now(dt.timezone.utc)).astimezone(ZoneInfo(timezone)).time()
    opens, closes = (_parse(t) for t in hours["daily"])
    is_open = opens <= local < closes if opens < closes else (local >= opens or local < closes)
    return Status(is_open, None if is_open else _french_hour(opens),
                  _french_hour(closes) if is_open else None)


def opening_hours(service: dict) -> Optional[str]:
    """The hours as an answer writes them: "24 h/24", "9 h-23 h"; None when not verified."""
    hours = service.get("hours") or {}
    if hours.get("always"):
        return "24 h/24"
    if "daily" in hours:
        return "-".join(_french_hour(_parse(t)) for t in hours["daily"])
    return None


def services_for(code: Optional[str], scenario: str, now: Optional[dt.datetime] = None) -> List[dict]:
    """Services of the country offered for this scenario, closed ones last, each with its status."""
    place = country(code)
    candidates = place["services"] + directory().get("international", [])
    chosen = [s for s in candidates if scenario in s.get("scenarios", [])]
    with_status = [dict(s, status=status(s, place["timezone"], now)) for s in chosen]
    with_status.sort(key=lambda s: s["status"].rank)  # stable: the directory's order is the preference
    return with_status


def emergency_numbers(code: str) -> List[str]:
    """The country's emergency number first, then the other lines offered for `urgence`."""
    place = country(code)
    numbers = [place["emergency"]["number"]]
    numbers += [s["phone"] for s in place["services"] if "urgence" in s.get("scenarios", []) and s.get("phone")]
    return list(dict.fromkeys(numbers))


def all_emergencies_number(code: str) -> str:
    """The number for every emergency (112, 911 in Québec): the `urgences_*` service."""
    return next(s["phone"] for s in country(code)["services"] if s["id"].startswith("urgences"))


def general_helpline(code: str) -> str:
    """The phone line offered when nothing else fits (`nlu_fallback`), open round the clock if one is."""
    lines = [s for s in country(code)["services"] if "nlu_fallback" in s.get("scenarios", []) and s.get("phone")]
    lines.sort(key=lambda s: not (s.get("hours") or {}).get("always"))
    return lines[0]["phone"]


def widget_countries() -> dict:
    """What the widget shows without the server: each country's name and numbers."""
    return {code: {"name": country(code)["name"], "emergency": emergency_numbers(code),
                   "helpline": general_helpline(code)} for code in directory()["countries"]}


def emergency_anywhere() -> str:
    """The emergency number to give when the country is unknown: the one most countries share,
    with the exceptions, e.g. "112 (911 au Québec / Canada)"."""
    codes = list(directory()["countries"])
    numbers = [n for code in codes for n in emergency_numbers(code)]
    common = max(numbers, key=numbers.count)
    others = [f"{emergency_numbers(code)[0]} {country(code)['in_name']}" for code in codes
              if common not in emergency_numbers(code)]
    return common + (f" ({', '.join(others)})" if others else "")
