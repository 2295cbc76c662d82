"""Blind sets stay blind: no message of tests/nlu_blind/ is also a training example, and the
authors' definitions (docs/scenarios.md) quote no training example."""
import re
import unicodedata

from vigie import PROJECT_ROOT
from tooling.evaluation import blind_sets, nlu_examples


def comparable(text: str) -> str:
    """Lower case, without punctuation, symbols (emoji) or repeated spaces."""
    kept = "".join(c for c in text.lower() if not unicodedata.category(c).startswith(("P", "S")))
    return " ".join(kept.split())


def training_texts() -> set:
    return {comparable(text) for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml"))
            for text, _ in nlu_examples(path)}


def test_no_blind_message_is_a_training_example():
    training = training_texts()
    shared = [text for path in blind_sets() for text, _ in nlu_examples(path) if comparable(text) in training]
    assert not shared, shared


def test_the_definitions_quote_no_training_example():
    page = (PROJECT_ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    quoted = {comparable(q) for q in re.findall(r"[\"«]([^\"»]+)[\"»]", page)}
    assert not quoted & training_texts(), quoted & training_texts()
