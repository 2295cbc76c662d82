"""Writes a benchmark's markdown table into docs/measurements.md between its two markers."""
import sys

from vigie import PROJECT_ROOT

MEASUREMENTS = PROJECT_ROOT / "docs" / "measurements.md"


def write_measurements_table(name: str, markdown: str) -> None:
    """Replaces what lies between <!-- NAME:start --> and <!-- NAME:end --> in docs/measurements.md."""
    text = MEASUREMENTS.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        print(f"{MEASUREMENTS.relative_to(PROJECT_ROOT)} has no {start} ... {end}: table not written",
              file=sys.stderr)
        return
    MEASUREMENTS.write_text(text[: text.index(start) + len(start)] + "\n" + markdown + "\n" + text[text.index(end):],
                            encoding="utf-8")
