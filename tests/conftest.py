"""Marks each test with its layer (pyproject.toml lists the markers) and holds the shared stack."""
import os
import warnings
from pathlib import Path

import pytest
import sanic  # noqa: F401  (see below)
import spacy

from vigie.nlu.spacy_model import configured_model
from tooling.processes import Stack

# SQLAlchemy's own switch for its 2.0 notice (emitted when Rasa imports its SQL store), as in
# the Makefile and vigie/server.py, for pytest run without make
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

# sanic/app.py puts a catch-all "once" filter for DeprecationWarning in front of every other when
# it is first imported: taken out, pyproject.toml's filters by package apply
warnings.filters[:] = [f for f in warnings.filters if f[:3] != ("once", None, DeprecationWarning)]

HERE = Path(__file__).parent
LAYERS = {"unit": "unit", "browser": "browser", "telegram": "telegram", "metrics": "metrics",
          "test_scaled.py": "scaled", "test_nlu_blind.py": "nlu"}


def pytest_collection_modifyitems(items):
    for item in items:
        part = Path(item.fspath).relative_to(HERE).parts[0]
        item.add_marker(LAYERS.get(part, "e2e"))


@pytest.fixture(scope="session")
def stack():
    """One real Rasa server (REST channel, actions inside it as in production) shared by the
    end-to-end tests."""
    servers = Stack().start()
    yield servers
    servers.stop()


@pytest.fixture(scope="session")
def nlp():
    """spaCy's French model, as the NLU pipeline's SpacyNLP loads it (danger rules, situations)."""
    return spacy.load(configured_model())
