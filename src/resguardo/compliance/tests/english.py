"""Pages in English in the tests that import this (the product's default is Spanish)."""

import pytest


@pytest.fixture(autouse=True)
def english_pages(settings):
    settings.LANGUAGE_CODE = "en"
