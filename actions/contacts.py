"""The helplines of an answer: chosen per scenario from the directory, rendered as a short
French list (Telegram, plain REST) and as structured contacts (the widget's card)."""
import datetime as dt
from typing import List, Optional, Sequence, Tuple

from vigie.scenarios import EVERYDAY, POLICE_SCENARIOS
from vigie.directory import country, services_for

EMERGENCY_FIRST = ("intoxication", "urgence")  # "qui appeler ?" after a danger now: those numbers first


def _is_emergency(service: dict) -> bool:
    return service.get("kind") == "emergency"


def _reachable_now(service: dict) -> bool:
    """A line someone answers now: open, with a phone, SMS or chat."""
    return service["status"].open is True and bool(
        service.get("phone") or service.get("sms") or service.get("chat"))


def choose_services(code: str, scenarios: Sequence[str],
                    now: Optional[dt.datetime] = None) -> List[dict]:
    """The services of the scenarios, in the directory's order (open ones first, none cut),
    then an open alternative if no helpline of the list answers now, then the emergency numbers
    (first for a danger now)."""
    chosen: List[dict] = []
    for scenario in scenarios:
        chosen += [s for s in services_for(code, scenario, now) if s["id"] not in {c["id"] for c in chosen}]
    if not chosen:  # a scenario no service lists (e.g. autre_langue): the general helplines
        chosen = services_for(code, "contacts_aide", now)
    scenario = scenarios[0]
    helplines = [s for s in chosen if not _is_emergency(s)]
    if scenario in EVERYDAY:  # a crush or a divorce: the youth lines, even closed; no alarm
        return helplines
    if not any(_reachable_now(s) for s in helplines):
        # e.g. 3018 closed at night and nothing else listed: the first general line open now
        spare = next((s for s in services_for(code, "contacts_aide", now)
                      if _reachable_now(s) and not _is_emergency(s)
                      and s["id"] not in {h["id"] for h in helplines}), None)
        if spare:
            helplines.append(spare)
    everyone = services_for(code, "urgence", now)
    emergency = [s for s in chosen if _is_emergency(s)]
    if scenario in POLICE_SCENARIOS:
        emergency += [s for s in everyone if s not in emergency]
    elif not any(s["id"].startswith("urgences") for s in emergency):
        emergency += [s for s in everyone if s["id"].startswith("urgences")]
    return emergency + helplines if scenario in EMERGENCY_FIRST else helplines + emergency


def _channels(service: dict) -> str:
    parts = []
    if service.get("phone") and service["phone"] not in service["name"]:
        parts.append(service["phone"])
    if service.get("sms"):
        parts.append("SMS" if service.get("sms") == service.get("phone") else f"SMS {service['sms']}")
    if service.get("whatsapp"):
        parts.append("WhatsApp")
    if service.get("chat"):
        parts.append("chat " + _site(service["chat"]))
    if service.get("other"):
        parts.append(service["other"])
    if not parts and not service.get("phone") and service.get("web"):
        parts.append(_site(service["web"]))
    return ", ".join(parts)


def _site(url: str) -> str:
    return url.replace("https://", "").replace("www.", "").rstrip("/")


def status_text(service: dict) -> str:
    """'fermé, rouvre à 9 h', 'ouvert jusqu'à 23 h', '24 h/24' or '' (unverified hours, websites)."""
    state, hours = service["status"], service["hours"]
    if state.open is None or _is_emergency(service):
        return ""
    if state.open is False:
        return f"fermé, rouvre à {state.reopens_at}"
    if hours.get("always"):
        return "24 h/24" if service.get("phone") or service.get("chat") else ""
    return f"ouvert jusqu'à {state.closes_at}"


def labels(service: dict) -> List[str]:
    """Only what the directory states (from helplines.md), never a guess."""
    if _is_emergency(service):
        return []
    facts = [word for key, word in (("free", "gratuit"), ("anonymous", "anonyme"),
                                     ("confidential", "confidentiel")) if service.get(key) is True]
    return [f for f in [status_text(service)] + facts + [service.get("note", "")] if f]


def service_line(service: dict) -> str:
    facts = labels(service)
    channels = _channels(service)
    line = f"• {service['name']}" + (f" : {channels}" if channels else "")
    return line + (f" ({', '.join(facts)})" if facts else "")


def contact_entry(service: dict) -> dict:
    """Structured form for channels that make links (tel:, sms:, web)."""
    entry = {key: service.get(key) for key in ("name", "phone", "sms", "web", "chat")}
    return entry | {"open": service["status"].open, "status": status_text(service),
                    "details": ", ".join(f for f in labels(service) if f != status_text(service)),
                    "emergency": _is_emergency(service)}


def first_line(code: str, scenario: str, now: Optional[dt.datetime] = None) -> str:
    """The scenario's first helpline with a phone, open now if one is: "le 3114 (24 h/24)"."""
    service = next(s for s in services_for(code, scenario, now) if s.get("phone") and not _is_emergency(s))
    hours = status_text(service)
    return f"le {service['phone']}" + (f" ({hours})" if hours else "")


def contacts_message(code: str, scenarios: Sequence[str], formal: bool = False,
                     now: Optional[dt.datetime] = None) -> Tuple[str, List[dict]]:
    """(text, contacts) for this country and these scenarios (the first one decides)."""
    place = country(code)
    services = choose_services(code, scenarios, now)
    heading = (f"Vous pouvez contacter, {place['in_name']} :" if formal
               else f"Tu peux contacter, {place['in_name']} :")
    lines = [heading] + [service_line(s) for s in services]
    return "\n".join(lines), [contact_entry(s) for s in services]
