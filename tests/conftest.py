import pytest
import spacy

from vigie.processes import Stack


@pytest.fixture(scope="session")
def stack():
    """One real action server + Rasa server (REST channel) shared by the end-to-end tests."""
    servers = Stack().start()
    yield servers
    servers.stop()


@pytest.fixture(scope="session")
def nlp():
    """spaCy's French model, as the NLU pipeline's SpacyNLP loads it (danger rules, situations)."""
    return spacy.load("fr_core_news_sm")
