"""What each intent's rule does (data/rules/*.yml), read once: the actions after an intent, for
the rules that start with one and hold no condition."""
import functools
from typing import Dict, List

from vigie import PROJECT_ROOT
from vigie.lexicon import load_yaml


@functools.lru_cache(maxsize=None)
def rules() -> List[dict]:
    """Every rule of data/rules/, file by file."""
    return [rule for path in sorted((PROJECT_ROOT / "data" / "rules").glob("*.yml"))
            for rule in load_yaml(str(path.relative_to(PROJECT_ROOT))).get("rules") or []]


@functools.lru_cache(maxsize=None)
def rule_actions() -> Dict[str, List[str]]:
    actions = {}
    for rule in rules():
        first = rule["steps"][0]
        if "intent" in first and "condition" not in rule:
            actions[first["intent"]] = [step["action"] for step in rule["steps"][1:] if "action" in step]
    return actions


def answered_with_helplines(intent: str) -> bool:
    """The intent's answer runs action_orienter, which also answers a typed follow-up."""
    return "action_orienter" in rule_actions().get(intent, [])
