"""Writes a benchmark's markdown table into README.md between its two markers."""
from vigie import PROJECT_ROOT


def write_between_markers(name: str, markdown: str) -> None:
    """Replaces what lies between <!-- NAME:start --> and <!-- NAME:end --> in README.md."""
    readme = PROJECT_ROOT / "README.md"
    text = readme.read_text()
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start in text and end in text:
        readme.write_text(text[: text.index(start) + len(start)] + "\n" + markdown + "\n" + text[text.index(end):])
