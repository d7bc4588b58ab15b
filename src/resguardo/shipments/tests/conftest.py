import pytest

from .factories import patente


@pytest.fixture(autouse=True)
def english_interface(settings):
    """These tests read the English msgids; the product's default language is Spanish."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def patentes(world):
    """Norte holds patentes 3921 and 3945; Sur holds 1780."""
    patente(world.org, "3921")
    patente(world.org, "3945")
    patente(world.other_org, "1780", aduana="16")
    return world
