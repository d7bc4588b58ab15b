import pytest


@pytest.fixture(autouse=True)
def _fresh_watchlist_index():
    """The matcher index is cached per process; tests start without it."""
    from resguardo.partners.services import screening

    screening._cache["key"] = None
    screening._cache["index"] = None
    yield


@pytest.fixture
def carla_membership(world):
    return world.membership(world.carla)


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted in English (the msgids); one test checks the Spanish pages."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
