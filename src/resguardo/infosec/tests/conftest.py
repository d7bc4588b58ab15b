import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages are asserted in English (pages are rendered in each user's language)."""
    with translation.override("en"):
        yield
