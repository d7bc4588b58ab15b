import pytest


@pytest.fixture
def world(db):
    from resguardo.testing.personas import build_world

    return build_world()


@pytest.fixture
def client_for(client):
    """`client_for(user)`: a test client signed in as that user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def api_for(db):
    """`api_for(user)`: a DRF client authenticated with a real personal API token."""
    from rest_framework.test import APIClient

    from resguardo.accounts.services import api_token_create

    def make(user, organization=None):
        _token, key = api_token_create(user=user, name="tests")
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        if organization is not None:
            api.credentials(
                HTTP_AUTHORIZATION=f"Token {key}", HTTP_X_ORGANIZATION=str(organization.pk)
            )
        return api

    return make
