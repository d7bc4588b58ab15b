"""Personal API tokens: created (key shown once), used, revoked, expired."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from resguardo.accounts.models import ApiToken


def api_with(key: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def create_in_ui(client, name="ERP") -> str:
    response = client.post(reverse("accounts:api_tokens"), {"name": name}, follow=True)
    page = response.content.decode()
    assert "it will not be shown again" in page
    return re.search(r'data-testid="new-token">([^<]+)<', page).group(1)


def test_token_created_in_the_ui_is_shown_once_and_works(world, client_for):
    client = client_for(world.alice)
    key = create_in_ui(client)
    assert key.startswith("rsg_")
    again = client.get(reverse("accounts:api_tokens")).content.decode()
    assert key not in again
    assert "ERP" in again
    assert not ApiToken.objects.filter(key_hash=key).exists()  # only its hash is stored

    me = api_with(key).get("/api/v1/me/")
    assert me.status_code == 200
    assert me.json()["email"] == world.alice.email
    sites = api_with(key).get("/api/v1/sites/")
    assert {row["name"] for row in sites.json()["results"]} == {"Oficina Norte", "Patio Norte"}


def test_revoked_token_answers_401(world, client_for):
    client = client_for(world.alice)
    key = create_in_ui(client)
    token = ApiToken.objects.get(user=world.alice)
    response = client.post(reverse("accounts:api_token_revoke", args=[token.pk]), follow=True)
    assert "Token revoked." in response.content.decode()
    refused = api_with(key).get("/api/v1/me/")
    assert refused.status_code == 401
    assert "Invalid, expired or revoked token." in refused.json()["detail"]


def test_expired_token_answers_401(world, client_for):
    key = create_in_ui(client_for(world.alice))
    assert api_with(key).get("/api/v1/me/").status_code == 200
    ApiToken.objects.filter(user=world.alice).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert api_with(key).get("/api/v1/me/").status_code == 401


def test_unknown_token_answers_401(db):
    assert api_with("rsg_not-a-token").get("/api/v1/me/").status_code == 401
    assert APIClient().get("/api/v1/me/").status_code in (401, 403)


def test_tokens_through_the_api(world):
    bootstrap = APIClient()
    bootstrap.force_authenticate(world.alice)
    created = bootstrap.post("/api/v1/tokens/", {"name": "script"}, format="json")
    assert created.status_code == 201
    key = created.json()["key"]
    api = api_with(key)
    listed = api.get("/api/v1/tokens/").json()["results"]
    assert [t["name"] for t in listed] == ["script"]
    assert "key" not in listed[0]
    assert api.delete(f"/api/v1/tokens/{listed[0]['id']}/").status_code == 204
    assert api.get("/api/v1/me/").status_code == 401


def test_token_in_the_past_is_refused(world, client_for):
    past = (timezone.localtime() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client_for(world.alice).post(
        reverse("accounts:api_tokens"), {"name": "old", "expires_at": past}
    )
    assert "The expiry date is in the past." in response.content.decode()
    assert not ApiToken.objects.filter(user=world.alice).exists()


def test_someone_elses_token_cannot_be_revoked(world, client_for, api_for):
    client_for(world.alice)
    alice_api = api_for(world.alice)
    token = ApiToken.objects.get(user=world.alice)
    oscar = client_for(world.oscar)
    assert oscar.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 404
    assert api_for(world.oscar).delete(f"/api/v1/tokens/{token.pk}/").status_code == 404
    assert alice_api.get("/api/v1/me/").status_code == 200
