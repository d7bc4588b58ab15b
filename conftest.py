import pytest


@pytest.fixture(autouse=True)
def _catalog_rows_from_migrations(request):
    """Rows the migrations load (the aduanas catalog, the platform audit head) are there for
    every database test. A transactional test (backups, object storage) empties the database
    when it ends; under xdist a worker may run other tests after it."""
    wanted = {"db", "transactional_db"} & set(request.fixturenames)
    marker = request.node.get_closest_marker("django_db")
    if not wanted and marker is None:
        return
    # Tests marked `django_db` (not asking for the fixture) get their database from the
    # marker; asking for `_django_db_helper` sets it up the way the marker says.
    request.getfixturevalue("_django_db_helper")
    from django.db import connection

    from resguardo.core.models import Aduana, AuditChainHead

    if connection.vendor and not Aduana.objects.exists():
        from resguardo.core.aduanas import sync_aduanas

        sync_aduanas(Aduana)
        AuditChainHead.objects.get_or_create(id=1)


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


@pytest.fixture(autouse=True)
def _language_reset():
    """A request (or a test) that switches the language leaves it active in the thread; every
    test starts and ends in the default language, whatever ran before it."""
    from django.utils import translation

    yield
    translation.deactivate()
