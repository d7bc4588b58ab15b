"""Optional second factor (TOTP), required per organization when its admin says so."""

import datetime
import re

import pyotp
from django.urls import reverse
from django.utils import timezone

from resguardo.accounts.models import User
from resguardo.core.models import Organization
from resguardo.testing.factories import TEST_PASSWORD


def shown_secret(html: str) -> str:
    return re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', html).group(1)


def code_at(secret: str, seconds_from_now: int = 0) -> str:
    moment = timezone.now() + datetime.timedelta(seconds=seconds_from_now)
    return pyotp.TOTP(secret).at(moment)


def turn_on(client) -> tuple[str, str]:
    """Set up TOTP as a person does: read the key off the page, type the app's code."""
    page = client.get(reverse("accounts:totp_setup")).content.decode()
    secret = shown_secret(page)
    code = code_at(secret)
    response = client.post(
        reverse("accounts:totp_setup"), {"secret": secret, "code": code}, follow=True
    )
    assert "Two-factor authentication is on." in response.content.decode()
    return secret, code


def sign_in(client, user):
    return client.post(reverse("accounts:login"), {"email": user.email, "password": TEST_PASSWORD})


def enter_code(client, code):
    return client.post(reverse("accounts:login_otp"), {"code": code})


def test_setup_refuses_a_wrong_code(world, client_for):
    client = client_for(world.alice)
    page = client.get(reverse("accounts:totp_setup")).content.decode()
    secret = shown_secret(page)
    assert "<svg" in page  # the QR code, drawn locally
    wrong = "000000" if code_at(secret) != "000000" else "111111"
    response = client.post(reverse("accounts:totp_setup"), {"secret": secret, "code": wrong})
    assert "That code is not right." in response.content.decode()
    assert not User.objects.get(pk=world.alice.pk).totp_enabled


def test_after_setup_sign_in_needs_the_code_once(world, client):
    client.force_login(world.alice)
    secret, setup_code = turn_on(client)
    client.post(reverse("accounts:logout"))

    response = sign_in(client, world.alice)
    assert response["Location"].startswith(reverse("accounts:login_otp"))
    assert client.get(reverse("core:dashboard")).status_code == 302  # not signed in yet

    # The code used at setup was spent; the app's next code works once.
    refused = enter_code(client, setup_code)
    assert "That code is not right or was already used." in refused.content.decode()
    next_code = code_at(secret, 30)
    assert enter_code(client, next_code)["Location"] == reverse("core:dashboard")
    assert client.get(reverse("core:dashboard")).status_code == 200

    # Replaying that code in another sign-in is refused.
    client.post(reverse("accounts:logout"))
    sign_in(client, world.alice)
    replay = enter_code(client, next_code)
    assert replay.status_code == 200
    assert "That code is not right or was already used." in replay.content.decode()
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_code_page_without_a_pending_sign_in_goes_to_login(db, client):
    response = client.get(reverse("accounts:login_otp"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")


def test_organization_requiring_mfa_sends_members_to_setup(world, client_for, api_for):
    Organization.objects.filter(pk=world.org.pk).update(require_mfa=True)
    client = client_for(world.sofia)
    response = client.get(reverse("core:site_list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:totp_setup") + "?required=1"
    page = client.get(response["Location"]).content.decode()
    assert "Your organization requires two-factor authentication." in page

    turn_on(client)
    assert client.get(reverse("core:site_list")).status_code == 200
    # Now it cannot be turned off while the organization requires it.
    off = client.post(reverse("accounts:totp_disable"), {"password": TEST_PASSWORD}, follow=True)
    assert "requires two-factor authentication" in off.content.decode()
    assert User.objects.get(pk=world.sofia.pk).totp_enabled


def test_members_of_other_organizations_are_not_affected(world, client_for):
    Organization.objects.filter(pk=world.org.pk).update(require_mfa=True)
    assert client_for(world.oscar).get(reverse("core:dashboard")).status_code == 200


def test_admin_turns_on_the_requirement_in_settings(world, client_for):
    client = client_for(world.alice)
    client.post(
        reverse("core:organization_settings"),
        {
            "legal_name": world.org.legal_name,
            "rfc": world.org.rfc,
            "require_mfa": "on",
            "version": world.org.version,
        },
    )
    assert Organization.objects.get(pk=world.org.pk).require_mfa
    assert client.get(reverse("core:dashboard"))["Location"].startswith(
        reverse("accounts:totp_setup")
    )


def test_turning_off(world, client_for):
    client = client_for(world.alice)
    turn_on(client)
    wrong = client.post(reverse("accounts:totp_disable"), {"password": "nope"}, follow=True)
    assert "The password is wrong." in wrong.content.decode()
    assert User.objects.get(pk=world.alice.pk).totp_enabled
    ok = client.post(reverse("accounts:totp_disable"), {"password": TEST_PASSWORD}, follow=True)
    assert "Two-factor authentication is off." in ok.content.decode()
    assert not User.objects.get(pk=world.alice.pk).totp_enabled


def test_api_is_refused_until_the_required_second_factor_is_on(world, client_for):
    """The API is no way around the organization's requirement (tokens are made under
    /accounts/, which the setup redirect leaves open)."""
    from rest_framework.test import APIClient

    Organization.objects.filter(pk=world.org.pk).update(require_mfa=True)
    client = client_for(world.sofia)
    page = client.post(reverse("accounts:api_tokens"), {"name": "script"}, follow=True)
    key = re.search(r'data-testid="new-token">([^<]+)<', page.content.decode()).group(1)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    refused = api.get("/api/v1/sites/")
    assert refused.status_code == 403
    assert "two-factor authentication" in refused.json()["detail"]
    assert "Patio Norte" not in refused.content.decode()
    assert client.get("/api/v1/sites/").status_code == 403  # the session too

    turn_on(client)
    assert api.get("/api/v1/sites/").status_code == 200


def test_wrong_codes_count_toward_the_lockout(world, client, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    client.force_login(world.alice)
    secret, _setup_code = turn_on(client)
    client.post(reverse("accounts:logout"))

    sign_in(client, world.alice)
    for attempt in range(2):
        body = enter_code(client, f"00000{attempt}").content.decode()
        assert "That code is not right or was already used." in body
    locked = enter_code(client, "000009")
    assert "Too many failed sign-ins." in locked.content.decode()
    # The sign-in has to start again, and the password is refused while locked.
    assert enter_code(client, code_at(secret, 30))["Location"] == reverse("accounts:login")
    again = sign_in(client, world.alice)
    assert "Too many failed sign-ins." in again.content.decode()
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_the_page_asked_for_survives_the_code_step_whole(world, client):
    """A link with several filters (…?a=1&b=2) leads there after the second factor too."""
    client.force_login(world.alice)
    secret, _setup_code = turn_on(client)
    client.post(reverse("accounts:logout"))
    wanted = "/audit/?action=created&actor=Alice"
    response = client.post(
        reverse("accounts:login"),
        {"email": world.alice.email, "password": TEST_PASSWORD, "next": wanted},
    )
    code_page = response["Location"]
    assert code_page.startswith(reverse("accounts:login_otp"))
    response = client.post(code_page, {"code": code_at(secret, 30)})
    assert response["Location"] == wanted
