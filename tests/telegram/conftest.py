import pytest

from tests.telegram.support import TelegramBench


@pytest.fixture(scope="session")
def telegram():
    """The fake Telegram Bot API and real Vigie servers with the Telegram channel on."""
    bench = TelegramBench().start()
    yield bench
    bench.stop()
