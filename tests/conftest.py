import pytest

from tests.stack import Stack


@pytest.fixture(scope="session")
def stack():
    """One real action server + Rasa server (REST channel) shared by the end-to-end tests."""
    servers = Stack().start()
    yield servers
    servers.stop()
