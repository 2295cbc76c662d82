"""Text normalisation shared by the NLU components, the channels and the actions."""
import re
import unicodedata

MAX_MESSAGE_CHARS = 1000  # longer messages are cut before the NLU (issue: 10 000-char inputs)

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "’": "'", "‘": "'", "`": "'", "´": "'", "ß": "ss"})
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # "nooon" -> "non", "aiiide" -> "aide"
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _visible(char: str) -> str:
    # control and format characters (zero-width, bidi marks) become spaces
    return " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char


def normalize(text: str, max_chars: int = MAX_MESSAGE_CHARS) -> str:
    """Lower-case, accent-free, cleaned, bounded text: the form every lexicon is written in."""
    text = "".join(_visible(c) for c in (text or "")[: max_chars * 2])
    text = strip_accents(text.lower().translate(_LIGATURES))
    text = _REPEATS.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()[:max_chars]


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit (not only emoji or symbols)."""
    return any(c.isalnum() for c in text or "")


def is_command(text: str) -> bool:
    """Rasa's '/intent{...}' payloads (buttons) are parsed by Rasa itself: leave them untouched."""
    return (text or "").startswith("/")
