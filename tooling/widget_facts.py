"""Writes the directory's facts into widget/vigie-widget.js, between its `directory:` markers:
the widget must show the numbers even when the server is down, so they are built in, but the
directory stays their only source. `python -m tooling.widget_facts` rewrites the block
(`make generate`); tests/unit/test_widget_facts.py fails when it is out of date."""
import json
import re

from vigie import PROJECT_ROOT
from vigie.directory import default_country, widget_countries

WIDGET = PROJECT_ROOT / "widget" / "vigie-widget.js"
_BLOCK = re.compile(r"(// directory:start[^\n]*\n).*?( *// directory:end)", re.S)


def block() -> str:
    rows = "".join(f"    {code}: {json.dumps(facts, ensure_ascii=False)},\n"
                   for code, facts in widget_countries().items())
    return f"  const DEFAULT_COUNTRY = {json.dumps(default_country())};\n  const COUNTRIES = {{\n{rows}  }};\n"


def rewritten(source: str) -> str:
    return _BLOCK.sub(lambda match: match.group(1) + block() + match.group(2), source, count=1)


if __name__ == "__main__":
    WIDGET.write_text(rewritten(WIDGET.read_text(encoding="utf-8")), encoding="utf-8")
