"""Text cleaning shared by the NLU components, the channels and the actions.

Two forms of a message: `clean` keeps case and accents (what spaCy reads, with SMS spellings
expanded), `normalize` is lower-case and accent-free (what the word lists are written in).
"""
import functools
import re
import unicodedata

from vigie.lexicon import load_yaml

MAX_MESSAGE_CHARS = 1000  # longer messages are cut before the NLU (a 10 000-character paste stays fast)
# control, format, separator, surrogate, private-use and unassigned characters
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE", "’": "'", "‘": "'", "`": "'",
                            "´": "'", "ß": "ss"})
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # "nooon" -> "non", "aiiide" -> "aide"
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_invisible(char: str) -> bool:
    return unicodedata.category(char) in INVISIBLE_CATEGORIES


def _visible(char: str) -> str:
    return " " if is_invisible(char) else char


def clean(text: str, max_chars: int = MAX_MESSAGE_CHARS) -> str:
    """Bounded text without invisible characters or stretched letters; case and accents kept."""
    text = "".join(_visible(c) for c in (text or "")[: max_chars * 2])
    text = unicodedata.normalize("NFC", text.translate(_LIGATURES))
    text = _REPEATS.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()[:max_chars]


def normalize(text: str, max_chars: int = MAX_MESSAGE_CHARS) -> str:
    """Lower-case, accent-free, cleaned, bounded text: the form every word list is written in."""
    return strip_accents(clean(text, max_chars).lower())


@functools.lru_cache(maxsize=None)
def _sms_table():
    table = load_yaml("lexicon/sms.yml")
    words = sorted(table, key=len, reverse=True)
    return table, re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, words)) + r")(?![\w'])", re.I)


# "jpartais", "jvoulais": no French word starts with j and a consonant, so it is "je" glued to a
# verb; without a vowel it is an abbreviation ("jpp", "jtm"), left as it is
_GLUED_JE = re.compile(r"(?<![\w'])[jJ]([bcdfghklmnpqrstvwxzç][^\W\d_]*[aeiouyàâéèêëîïôûùü][^\W\d_]*)(?![\w'])", re.I)


def expand_sms(text: str) -> str:
    """'jveux' -> 'je veux', 'Chui' -> 'je suis', 'jpartais' -> 'je partais': whole words
    only, any case."""
    table, pattern = _sms_table()
    text = pattern.sub(lambda match: table[match.group(1).lower()], text)
    return _GLUED_JE.sub(lambda match: "je " + match.group(1) if len(match.group(1)) >= 3 else match.group(0), text)


def prepare(text: str, max_chars: int = MAX_MESSAGE_CHARS) -> str:
    """What the NLU pipeline reads: cleaned, bounded, SMS spellings expanded."""
    return expand_sms(clean(text, max_chars))


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit (not only emoji or symbols)."""
    return any(c.isalnum() for c in text or "")


def is_command(text: str) -> bool:
    """Rasa's '/intent{...}' payloads (buttons) are parsed by Rasa itself: leave them untouched."""
    return (text or "").startswith("/")
