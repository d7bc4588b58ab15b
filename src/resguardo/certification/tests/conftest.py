import pytest


@pytest.fixture
def world(world):
    """The personas read their pages in English here (Spanish is checked on its own)."""
    for user in (world.alice, world.carla, world.sam, world.sofia, world.audrey, world.oscar):
        user.language = "en"
        user.save(update_fields=["language"])
    return world


@pytest.fixture
def client_for(client, settings):
    """`client_for(user)`: signed in, reading the pages in the user's language (a cookie, as
    the sign-in sets it)."""

    def sign_in(user):
        client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = user.language
        return client

    return sign_in
