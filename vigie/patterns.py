"""The token syntax of Vigie's lexicons (lexicon/danger.yml, followups.yml, situations.yml,
writers.yml, apps.yml, danger_places.yml), compiled to spaCy `Matcher` patterns on lemmas. A
rule is a line of tokens:

    [couper|mutiler]   a lemma among these (typos and unaccented verbs included)
    me|m'              a word among these (lower case, no accents)
    /suicid.*/         a word matching this regular expression
    _{0,3}             zero to three words of any kind
    x?                 an optional token
"""
import functools
import re
from typing import Dict, List, Set, Tuple

import regex
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from vigie.lexicon import load_yaml
from vigie.text import strip_accents

ANNOTATED = "vigie_lemmas"  # doc.user_data: every word and candidate lemma of the annotated doc
Token.set_extension("plain", default="", force=True)
Token.set_extension("lemmas", default=[], force=True)

_TOKEN = re.compile(r"^(?:_\{(\d+),(\d+)\}|\[([^\]]+)\]|/(.+)/|([^?]+))(\?)?$")
# first-group verbs typed without accents or left unlemmatised: "coupe", "coupee" -> "couper"
_ER_ENDINGS = re.compile(r"^(\w{3,}?)(e|es|ee|ees|ent|ais|ait|aient|ez|er)$")


def plain(word: str) -> str:
    return strip_accents(word.lower())


def compile_token(spec: str) -> dict:
    """One token of a rule line -> one spaCy Matcher token pattern."""
    found = _TOKEN.match(spec)
    if not found:
        raise ValueError(f"bad token {spec!r}")
    low, high, lemmas, pattern, words, optional = found.groups()
    if low is not None:
        return {"OP": f"{{{low},{high}}}"}
    if lemmas:
        token = {"_": {"lemmas": {"INTERSECTS": lemmas.split("|")}}}
    elif pattern:
        token = {"_": {"plain": {"REGEX": f"^(?:{pattern})$"}}}
    else:
        token = {"_": {"plain": {"IN": words.split("|")}}}
    if optional:
        token["OP"] = "?"
    return token


def compile_rule(line: str) -> List[dict]:
    return [compile_token(spec) for spec in line.split()]


def required_words(line: str) -> List[Set[str]]:
    """For each token of a rule that must be there (no wildcard, regex or `?`), the words or
    lemmas it accepts: a doc without any of them cannot match the rule."""
    required = []
    for spec in line.split():
        low, high, lemmas, pattern, words, optional = _TOKEN.match(spec).groups()
        if not optional and (lemmas or words):
            required.append(set((lemmas or words).split("|")))
    return required


class PatternSet:
    """Rules of the token syntax, each in a Matcher of its own, run only on the docs that hold a
    word or lemma for each of their required tokens: a message runs the few rules it could
    match, not all of them (spaCy's Matcher reads each pattern's custom attributes on each
    token: with ~300 rules, a message took 13 ms)."""

    def __init__(self, patterns: Dict[str, str], vocab) -> None:
        self.entries = []
        for key, line in patterns.items():
            matcher = Matcher(vocab)
            matcher.add(key, [compile_rule(line)])
            self.entries.append((key, required_words(line), matcher))

    def matches(self, doc: Doc) -> Dict[str, List[Tuple[int, int]]]:
        """Rule key -> token spans where it matches; the doc must be annotated."""
        present = doc.user_data[ANNOTATED]
        found: Dict[str, List[Tuple[int, int]]] = {}
        for key, required, matcher in self.entries:
            if all(options & present for options in required):
                for _, start, end in matcher(doc):
                    found.setdefault(key, []).append((start, end))
        return found


@functools.lru_cache(maxsize=None)
def fuzzy_keywords() -> Tuple[Tuple[str, "regex.Pattern"], ...]:
    """Key words a typo away still count as themselves ("suisider"): lexicon/danger.yml, `fuzzy`."""
    return tuple((keyword, regex.compile(f"(?:{keyword}){{e<={1 if len(keyword) < 9 else 2}}}"))
                 for keyword in load_yaml("lexicon/danger.yml")["fuzzy"])


def annotate(doc: Doc) -> Doc:
    """Plain form and candidate lemmas of each token (spaCy's, the -er guess, typo matches)."""
    if ANNOTATED in doc.user_data:  # the safety net, situations and follow-ups share a doc
        return doc
    present = set()
    for token in doc:
        word = plain(token.text)
        lemmas = {plain(token.lemma_), word}
        guess = _ER_ENDINGS.match(word)
        if guess:
            lemmas.add(guess.group(1) + "er")
        if len(word) >= 6:
            lemmas.update(keyword for keyword, fuzzy in fuzzy_keywords() if fuzzy.fullmatch(word))
        token._.plain = word
        token._.lemmas = sorted(lemmas)
        present |= lemmas
    doc.user_data[ANNOTATED] = present  # the plain words included
    return doc


_CUES: Dict[Tuple[str, int], PatternSet] = {}


def cues_found(doc: Doc, lexicon_file: str) -> Set[str]:
    """The names whose cues match this doc, in a lexicon of {name: [{pattern, example}, ...]}
    (lexicon/situations.yml, lexicon/followups.yml), read with the danger rules' lemmas."""
    key = (lexicon_file, id(doc.vocab))
    if key not in _CUES:
        _CUES[key] = PatternSet({f"{name}/{i}": cue["pattern"]
                                 for name, cues in load_yaml(lexicon_file).items()
                                 for i, cue in enumerate(cues)}, doc.vocab)
    return {key.split("/")[0] for key in _CUES[key].matches(annotate(doc))}
