"""The Rasa version Vigie's replacements of Rasa behaviour were written against.

vigie/resilience.py (the class of custom actions), vigie/warmup.py (the model's first load) and
vigie/stores.py (the tracker stores' constructors) reach into Rasa 3.6.21's private code, where
Rasa 3.6 offers no extension point for what they do. Another version may break them silently:
Vigie refuses to start on it until someone has checked them."""
import rasa
from rasa.shared.exceptions import RasaException

RASA_VERSION = "3.6.21"


def require_rasa_version(found: str = "") -> None:
    found = found or rasa.__version__
    if found != RASA_VERSION:
        raise RasaException(
            f"Vigie was written for Rasa {RASA_VERSION} and found Rasa {found}: check "
            "vigie/resilience.py, vigie/warmup.py and vigie/stores.py against this version, "
            "then change RASA_VERSION in vigie/rasa_version.py.")
