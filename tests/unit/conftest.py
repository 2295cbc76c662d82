import pytest
import spacy


@pytest.fixture(scope="session")
def nlp():
    """The spaCy model of config.yml's SpacyNLP, loaded once for every unit test that reads it."""
    return spacy.load("fr_core_news_sm")
