import pytest

from resguardo.accounts.models import User


@pytest.fixture(autouse=True)
def english_interface(settings):
    """These tests read the English msgids; the product's default language is Spanish."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world(world):
    """The personas, reading English: signing in sets the interface to the account language."""
    User.objects.update(language="en")
    return world
