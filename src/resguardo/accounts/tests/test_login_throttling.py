"""Sign-in throttling per client address as well as per account: one address cannot try many
accounts, nobody can lock an account's owner out from another address, and repeated locks of
the same account from the same address grow longer (never permanent)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from resguardo.accounts.models import LoginThrottle
from resguardo.testing.factories import TEST_PASSWORD

ACCOUNT_LOCKED = "This account is locked"
NETWORK_LOCKED = "Too many failed sign-ins from your network."


def sign_in(client, email, password, address="203.0.113.7"):
    return client.post(
        reverse("accounts:login"), {"email": email, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def limits(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_FAILURE_LIMIT_PER_IP = 5
    settings.LOGIN_LOCKOUT_MINUTES = 15
    settings.LOGIN_LOCKOUT_MAX_MINUTES = 60


def test_one_address_cannot_try_many_accounts(world, client, limits):
    for n in range(5):
        body = sign_in(client, f"nadie{n}@example.mx", "guess").content.decode()
    assert NETWORK_LOCKED in body
    # Even the right password of a real account is refused from that address now...
    refused = sign_in(client, world.alice.email, TEST_PASSWORD)
    assert refused.status_code == 200 and NETWORK_LOCKED in refused.content.decode()
    # ...while another address signs in.
    assert (
        sign_in(client, world.alice.email, TEST_PASSWORD, address="198.51.100.4").status_code == 302
    )


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out(world, client, limits):
    for n in range(3):
        body = sign_in(client, world.alice.email, f"wrong-{n}").content.decode()
    assert ACCOUNT_LOCKED in body
    assert ACCOUNT_LOCKED in sign_in(client, world.alice.email, TEST_PASSWORD).content.decode()
    # Alice at her own office is not locked out by someone else's guesses.
    assert (
        sign_in(client, world.alice.email, TEST_PASSWORD, address="198.51.100.4").status_code == 302
    )


def test_each_lock_in_a_row_lasts_longer_up_to_the_ceiling(world, client, limits, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_IP = 100
    expected = [15, 30, 60, 60]
    for minutes in expected:
        for n in range(3):
            body = sign_in(client, world.alice.email, f"wrong-{n}").content.decode()
        assert f"{minutes} more minutes" in body
        LoginThrottle.objects.filter(email=world.alice.email).update(
            locked_until=timezone.now() - datetime.timedelta(seconds=1)
        )
    # The lock is temporary: once it ends, the right password signs in and counting restarts.
    assert sign_in(client, world.alice.email, TEST_PASSWORD).status_code == 302
    assert not LoginThrottle.objects.filter(email=world.alice.email).exists()
