import pytest


@pytest.fixture(autouse=True)
def english_interface(settings):
    """These tests read the English msgids; the product's default language is Spanish."""
    settings.LANGUAGE_CODE = "en"
