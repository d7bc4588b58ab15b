"""Signing in by e-mail, lockout after repeated failures, sessions that expire."""

import datetime

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from resguardo.accounts.models import LoginThrottle
from resguardo.testing.factories import TEST_PASSWORD

WRONG = "The e-mail or the password is wrong."
LOCKED = "Too many failed sign-ins."


def sign_in(client, email, password, **extra):
    return client.post(reverse("accounts:login"), {"email": email, "password": password, **extra})


def is_signed_in(client) -> bool:
    return client.get(reverse("core:dashboard")).status_code == 200


def test_sign_in_by_email_any_case(world, client):
    response = sign_in(client, "ALICE@Norte.Example.MX", TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Agencia Aduanal Norte, S.C." in page


def test_wrong_password_shows_an_error(world, client):
    response = sign_in(client, world.alice.email, "not-the-password")
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert not is_signed_in(client)


def test_sign_in_follows_a_safe_next_only(world, client):
    nxt = reverse("core:site_list")
    assert sign_in(client, world.alice.email, TEST_PASSWORD, next=nxt)["Location"] == nxt
    client.post(reverse("accounts:logout"))
    evil = sign_in(client, world.alice.email, TEST_PASSWORD, next="https://evil.example.com/")
    assert evil["Location"] == reverse("core:dashboard")


def test_sign_out(world, client):
    sign_in(client, world.alice.email, TEST_PASSWORD)
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "You have signed out." in response.content.decode()
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 302 and dashboard["Location"].startswith("/accounts/login/")


@pytest.fixture
def limit(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_LOCKOUT_MINUTES = 15
    return 3


def test_lockout_after_repeated_failures_even_for_the_right_password(world, client, limit):
    for attempt in range(limit - 1):
        body = sign_in(client, world.alice.email, f"wrong-{attempt}").content.decode()
        assert WRONG in body and LOCKED not in body
    body = sign_in(client, world.alice.email, "wrong-last").content.decode()
    assert LOCKED in body
    assert "15 more minutes" in body

    refused = sign_in(client, world.alice.email, TEST_PASSWORD)
    assert refused.status_code == 200
    assert LOCKED in refused.content.decode()
    assert not is_signed_in(client)
    # Another address is not affected.
    assert sign_in(client, world.carla.email, TEST_PASSWORD).status_code == 302


def test_lock_ends_and_counting_starts_again(world, client, limit):
    for attempt in range(limit):
        sign_in(client, world.alice.email, f"wrong-{attempt}")
    LoginThrottle.objects.filter(email=world.alice.email).update(
        locked_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    # One more mistake after the lock ended is one failure, not a new lock.
    body = sign_in(client, world.alice.email, "wrong-again").content.decode()
    assert WRONG in body and LOCKED not in body
    assert sign_in(client, world.alice.email, TEST_PASSWORD).status_code == 302
    assert not LoginThrottle.objects.filter(email=world.alice.email).exists()


def test_unknown_addresses_are_throttled_too(db, client, limit):
    for attempt in range(limit):
        body = sign_in(client, "nobody@example.mx", f"guess-{attempt}").content.decode()
    assert LOCKED in body


def test_session_expiry_follows_session_cookie_age(world, client, settings):
    settings.SESSION_COOKIE_AGE = 600
    response = sign_in(client, world.alice.email, TEST_PASSWORD)
    assert response.cookies["sessionid"]["max-age"] == 600
    assert client.session.get_expiry_age() == 600
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = (session.expire_date - timezone.now()).total_seconds()
    assert 590 < remaining <= 600


def test_expired_session_signs_out(world, client):
    sign_in(client, world.alice.email, TEST_PASSWORD)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_production_settings_hash_passwords_with_argon2():
    from resguardo.config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        assert make_password("una-clave-muy-segura").startswith("argon2")


def test_a_burst_of_sign_ins_hashes_at_most_the_configured_number_at_once():
    import threading

    from django.contrib.auth.hashers import Argon2PasswordHasher, check_password

    from resguardo.accounts import hashers
    from resguardo.config import settings as production

    running = 0
    most = 0
    lock = threading.Lock()
    original = Argon2PasswordHasher.verify

    def counting_verify(self, password, encoded):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            return original(self, password, encoded)
        finally:
            with lock:
                running -= 1

    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        encoded = make_password("una-clave-muy-segura")
        hashers._slots = None  # the bound is read from settings on first use
        with override_settings(PASSWORD_HASH_CONCURRENCY=2):
            Argon2PasswordHasher.verify = counting_verify
            try:
                results = []
                threads = [
                    threading.Thread(
                        target=lambda: results.append(
                            check_password("una-clave-muy-segura", encoded)
                        )
                    )
                    for _ in range(6)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
            finally:
                Argon2PasswordHasher.verify = original
                hashers._slots = None
    assert results == [True] * 6
    assert 1 <= most <= 2  # six threads, never more than two hashes at once
