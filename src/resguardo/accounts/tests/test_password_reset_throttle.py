"""Password-reset e-mails are limited per e-mail address and per client address, so nobody
can flood a victim's inbox; the answer stays the same page whatever happens."""

import datetime
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from resguardo.core.models import RateWindow


def ask(client, email, ip="203.0.113.7"):
    return client.post(
        reverse("accounts:password_reset"), {"email": email}, follow=True, REMOTE_ADDR=ip
    )


def test_at_most_five_reset_emails_per_address_per_hour(world, client):
    for _attempt in range(8):
        response = ask(client, world.sofia.email)
        assert response.redirect_chain[-1][0] == reverse("accounts:password_reset_done")
        assert "Check your e-mail" in response.content.decode()
    assert len(mail.outbox) == 5
    assert {tuple(m.to) for m in mail.outbox} == {(world.sofia.email,)}


def test_the_address_limit_holds_across_client_addresses(world, client):
    for number in range(8):
        ask(client, world.sofia.email.upper(), ip=f"198.51.100.{number}")
    assert len(mail.outbox) == 5


def test_one_client_cannot_flood_many_inboxes(world, client):
    people = [world.alice, world.carla, world.sam, world.sofia, world.audrey]
    for person in people:
        ask(client, person.email)
    ask(client, world.oscar.email)  # the sixth request from the same client
    assert len(mail.outbox) == 5
    assert world.oscar.email not in {m.to[0] for m in mail.outbox}
    ask(client, world.oscar.email, ip="198.51.100.9")  # another client is not affected
    assert mail.outbox[-1].to == [world.oscar.email]


def test_the_limit_ends_after_the_hour(world, client):
    for _attempt in range(6):
        ask(client, world.sofia.email)
    assert len(mail.outbox) == 5
    an_hour_ago = timezone.now() - datetime.timedelta(minutes=61)
    RateWindow.objects.filter(scope="accounts.password_reset").update(window_started_at=an_hour_ago)
    ask(client, world.sofia.email)
    assert len(mail.outbox) == 6


def test_throttled_answer_looks_the_same_for_known_and_unknown_addresses(world, client):
    for _attempt in range(6):
        known = ask(client, world.sofia.email, ip="198.51.100.1")
        unknown = ask(client, "nadie@norte.example.mx", ip="198.51.100.2")
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert without_csrf(known) == without_csrf(unknown)


def without_csrf(response) -> str:
    page = response.content.decode()
    return re.sub(r'(value="|"X-CSRFToken": ")[^"]+"', "", page)
