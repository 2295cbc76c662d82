"""Renders the helpline directory's services as a short French message."""
from typing import List

from vigie.directory import country, services_for

MAX_SERVICES = 4
DANGER_SCENARIOS = {"urgence", "detresse", "chantage", "photo_partagee", "rencontre", "ami_concerne"}


def _channels(service: dict) -> str:
    parts = []
    if service.get("phone"):
        parts.append(service["phone"])
    if service.get("sms") and service.get("sms") != service.get("phone"):
        parts.append(f"SMS {service['sms']}")
    elif service.get("sms"):
        parts.append("aussi par SMS")
    if not service.get("phone") and (service.get("chat") or service.get("web")):
        parts.append((service.get("chat") or service["web"]).replace("https://", ""))
    return ", ".join(parts)


def _status_text(service: dict) -> str:
    state = service["status"]
    if state.open is None:
        return ""  # unverified hours are never stated
    if not state.open:
        return f"fermé, rouvre à {state.reopens_at}"
    return "24 h/24" if service["hours"].get("always") else "ouvert maintenant"


def service_line(service: dict) -> str:
    facts = [f for f in ("gratuit" if service.get("free") else "",
                         "anonyme" if service.get("anonymous") else "",
                         _status_text(service)) if f]
    details = f" ({', '.join(facts)})" if facts else ""
    return f"• {service['name']} : {_channels(service)}{details}"


def contact_entry(service: dict) -> dict:
    """Structured form for channels that make links (tel:, sms:, web)."""
    return {key: service.get(key) for key in ("name", "phone", "sms", "web", "chat")} | {
        "open": service["status"].open}


def contacts_message(code: str, scenario: str, formal: bool = False, now=None):
    """(text, contacts) for this country and scenario; the emergency line closes danger answers."""
    place = country(code)
    # a scenario no service lists (e.g. autre_langue) gets the general helplines
    services: List[dict] = (services_for(code, scenario, now)
                            or services_for(code, "contacts_aide", now))[:MAX_SERVICES]
    heading = (f"Vous pouvez contacter, {place['in_name']} :" if formal
               else f"Tu peux contacter, {place['in_name']} :")
    lines = [heading] + [service_line(s) for s in services]
    if scenario in DANGER_SCENARIOS and scenario != "urgence":
        lines.append(f"En cas de danger immédiat : {place['emergency']['label']}.")
    return "\n".join(lines), [contact_entry(s) for s in services]
