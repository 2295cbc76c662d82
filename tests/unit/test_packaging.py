"""Vigie is an installed package: nothing edits the import path; what Rasa loads (vigie, actions,
channels) does not import the tooling, and the benchmarks do not import the tests (the server
helpers they share live in tooling.processes and tooling.cluster)."""
import re

from vigie import PROJECT_ROOT as ROOT

CODE_DIRS = ("vigie", "channels", "actions", "tooling", "bench", "scripts", "tests", "widget")


def code_files():
    for directory in CODE_DIRS:
        for path in (ROOT / directory).rglob("*"):
            if path.suffix in (".py", ".sh", ".mk") and "node_modules" not in path.parts \
                    and not path.is_relative_to(ROOT / "tests" / "nlu_blind"):
                yield path
    yield from (ROOT / "mk").glob("*.mk")
    yield ROOT / "Makefile"


def test_nothing_edits_the_import_path():
    edits = [str(path.relative_to(ROOT)) for path in code_files()
             if re.search(r"sys\.path\.(insert|append)|PYTHONPATH", path.read_text(encoding="utf-8"))]
    assert set(edits) - {"tests/unit/test_packaging.py"} == set()


def test_the_benchmarks_do_not_import_the_tests():
    importing = [str(path.relative_to(ROOT)) for path in (ROOT / "bench").glob("*.py")
                 if re.search(r"^\s*(from|import) tests\b", path.read_text(encoding="utf-8"), re.M)]
    assert importing == []


def test_the_runtime_does_not_import_the_tooling():
    """Editing the test harness or the evaluation retrains nothing: they are not model inputs."""
    importing = [str(path.relative_to(ROOT)) for directory in ("vigie", "actions", "channels")
                 for path in (ROOT / directory).rglob("*.py")
                 if re.search(r"^\s*(from|import) (tooling|tests|bench)\b", path.read_text(encoding="utf-8"), re.M)]
    assert importing == []
