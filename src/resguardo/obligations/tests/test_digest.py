"""E-mail delivery: immediately, daily or weekly digests, in each user's language; failures
counted, retried and shown."""

import pytest
from django.core import mail

from resguardo.core.models import Notification
from resguardo.core.notify import notify

from ..choices import EmailPreference
from ..delivery import MAX_EMAIL_ATTEMPTS, deliver_digests, deliver_immediate
from ..models import NotificationPreference


def _prefer(user, choice, language):
    user.language = language
    user.save()
    NotificationPreference.objects.create(user=user, email=choice)


def test_a_daily_digest_groups_a_users_items_in_their_language(world):
    _prefer(world.carla, EmailPreference.DAILY, "en")
    _prefer(world.alice, EmailPreference.DAILY, "es-mx")
    for n in range(3):
        notify(
            organization=world.org,
            users=[world.carla, world.alice],
            key=f"test:{n}",
            title="Revisión de socio %(n)s",
            params={"n": n},
            url=f"/partners/{n}/",
        )
    summary = deliver_digests(EmailPreference.DAILY)
    assert summary.sent == 6
    assert len(mail.outbox) == 2  # one per user, not one per notification
    by_to = {m.to[0]: m for m in mail.outbox}
    english = by_to["carla@norte.example.mx"]
    assert "your day, 3 notifications" in english.subject
    assert "This is what happened in Resguardo since yesterday." in english.body
    for n in range(3):
        assert f"Revisión de socio {n}" in english.body
    spanish = by_to["alice@norte.example.mx"]
    assert "su día, 3 notificaciones" in spanish.subject
    assert "Esto pasó en Resguardo desde ayer." in spanish.body
    # sent once: a second run sends nothing
    assert deliver_digests(EmailPreference.DAILY).sent == 0
    assert len(mail.outbox) == 2


def test_each_preference_gets_its_own_kind_of_mail(world):
    _prefer(world.carla, EmailPreference.WEEKLY, "en")
    _prefer(world.sam, EmailPreference.OFF, "en")
    notify(
        organization=world.org, users=[world.carla, world.sam, world.alice], key="k", title="Hola"
    )
    assert deliver_immediate().sent == 1  # alice has no preference: immediately
    assert mail.outbox[0].to == ["alice@norte.example.mx"]
    assert deliver_digests(EmailPreference.DAILY).sent == 0
    assert deliver_digests(EmailPreference.WEEKLY).sent == 1
    assert Notification.objects.get(user=world.sam).emailed_at is None  # off: never mailed


def test_a_failed_mail_is_retried_then_shown_as_failed(world, settings, client_for):
    settings.EMAIL_BACKEND = "resguardo.obligations.tests.failing_backend.FailingBackend"
    notify(organization=world.org, users=[world.alice], key="k", title="Aviso importante")
    for _attempt in range(MAX_EMAIL_ATTEMPTS + 2):
        deliver_immediate()
    notification = Notification.objects.get(user=world.alice)
    assert notification.email_attempts == MAX_EMAIL_ATTEMPTS
    assert notification.emailed_at is None
    assert "relay refused" in notification.email_error
    page = client_for(world.alice).get("/obligations/notifications/")
    assert b'data-testid="email-failed"' in page.content
    assert b"relay refused" in page.content


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_an_immediate_mail_is_in_the_users_language(world, language):
    world.alice.language = language
    world.alice.save()
    notify(organization=world.org, users=[world.alice], key="k", title="Sello MX-1", url="/x/")
    deliver_immediate()
    body = mail.outbox[0].body
    expected = "Open it:" if language == "en" else "Ábrela:"
    assert expected in body
    assert "/x/" in body
