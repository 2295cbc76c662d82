"""Vigie refuses to start on a Rasa version its replacements of Rasa code were not checked for."""
import pytest
from rasa.shared.exceptions import RasaException

from vigie.rasa_version import RASA_VERSION, require_rasa_version


def test_the_installed_rasa_is_the_checked_one():
    require_rasa_version()


def test_another_rasa_version_is_refused_with_what_to_check():
    with pytest.raises(RasaException, match="vigie/resilience.py.*RASA_VERSION") as refused:
        require_rasa_version("3.7.0")
    assert RASA_VERSION in str(refused.value)
