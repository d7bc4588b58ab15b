"""Password change, and reset by e-mail."""

import re

from django.core import mail
from django.urls import reverse

from resguardo.testing.factories import TEST_PASSWORD

NEW_PASSWORD = "otra-clave-bastante-larga-42"


def can_sign_in(client, email, password) -> bool:
    response = client.post(reverse("accounts:login"), {"email": email, "password": password})
    client.post(reverse("accounts:logout"))
    return response.status_code == 302


def test_password_change(world, client_for, client):
    signed_in = client_for(world.alice)
    response = signed_in.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Password changed" in response.content.decode()
    assert signed_in.get(reverse("core:dashboard")).status_code == 200  # still signed in
    signed_in.post(reverse("accounts:logout"))
    assert can_sign_in(client, world.alice.email, NEW_PASSWORD)
    assert not can_sign_in(client, world.alice.email, TEST_PASSWORD)


def test_password_change_needs_the_old_password_and_a_strong_new_one(world, client_for):
    client = client_for(world.alice)
    wrong_old = client.post(
        reverse("accounts:password_change"),
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "old password was entered incorrectly" in wrong_old.content.decode()
    weak = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "12345", "new_password2": "12345"},
    )
    assert "This password is too short" in weak.content.decode()
    world.alice.refresh_from_db()
    assert world.alice.check_password(TEST_PASSWORD)


def test_password_reset_by_email(world, client):
    response = client.post(
        reverse("accounts:password_reset"), {"email": world.sofia.email}, follow=True
    )
    assert "Check your e-mail" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.sofia.email]
    assert message.subject == "Reset your Resguardo password"
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Your password was reset" in done.content.decode()
    assert can_sign_in(client, world.sofia.email, NEW_PASSWORD)
    assert not can_sign_in(client, world.sofia.email, TEST_PASSWORD)

    # The link works once.
    again = client.get(link, follow=True)
    assert "This password-reset link is not valid any more." in again.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing(db, client):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "nadie@example.mx"}, follow=True
    )
    assert "Check your e-mail" in response.content.decode()  # no hint whether it exists
    assert mail.outbox == []


def test_password_reset_lifts_a_lockout(world, client, settings):
    """The lockout message says "try again later or reset your password": resetting works."""
    settings.LOGIN_FAILURE_LIMIT = 2
    for attempt in range(2):
        body = client.post(
            reverse("accounts:login"), {"email": world.sofia.email, "password": f"x{attempt}"}
        ).content.decode()
    assert "Too many failed sign-ins." in body
    client.post(reverse("accounts:password_reset"), {"email": world.sofia.email})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+)", mail.outbox[0].body)
    set_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert can_sign_in(client, world.sofia.email, NEW_PASSWORD)
