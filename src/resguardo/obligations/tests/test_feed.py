"""The private iCal feed: it parses, keeps each event's UID when a date moves, lists only
what its owner may see, and a revoked or unknown address answers a bare 404."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from resguardo.compliance.tests.factories import ActionItemFactory
from resguardo.core.actors import Actor

from .. import services


def _feed_url(world, user, scope="all"):
    _feed, token = services.calendar_feed_create(
        actor=Actor.for_member(world.membership(user)), scope=scope
    )
    return reverse("obligations:feed", args=[token])


def _events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_parses_and_keeps_the_uid_when_a_date_moves(world, client):
    today = timezone.localdate()
    action = ActionItemFactory(
        organization=world.org, title="Reparar malla", due_date=today + datetime.timedelta(days=9)
    )
    url = _feed_url(world, world.carla)
    events = _events(client, url)  # no session: the token is the credential
    event = next(e for title, e in events.items() if "Reparar malla" in title)
    uid = str(event["uid"])
    assert event.decoded("dtstart") == today + datetime.timedelta(days=9)
    assert str(event["url"]).endswith(action.get_absolute_url())
    action.due_date = today + datetime.timedelta(days=15)
    action.save()
    moved = next(e for title, e in _events(client, url).items() if "Reparar malla" in title)
    assert str(moved["uid"]) == uid
    assert moved.decoded("dtstart") == today + datetime.timedelta(days=15)


def test_the_feed_lists_only_what_its_owner_may_see(world, client):
    today = timezone.localdate()
    ActionItemFactory(
        organization=world.org,
        title="En la oficina",
        site=world.office,
        due_date=today + datetime.timedelta(days=3),
    )
    ActionItemFactory(
        organization=world.org,
        title="En el patio",
        site=world.yard,
        due_date=today + datetime.timedelta(days=3),
        owner=world.sofia,
    )
    ActionItemFactory(
        organization=world.other_org, title="De Sur", due_date=today + datetime.timedelta(days=3)
    )
    titles = " ".join(_events(client, _feed_url(world, world.sofia)))
    assert "En el patio" in titles
    assert "En la oficina" not in titles and "De Sur" not in titles
    mine_only = " ".join(_events(client, _feed_url(world, world.carla, scope="mine")))
    assert "En la oficina" not in mine_only  # carla owns none of them


def test_a_revoked_or_unknown_token_answers_404_and_reveals_nothing(world, client):
    ActionItemFactory(
        organization=world.org,
        title="Secreto de Norte",
        due_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    url = _feed_url(world, world.carla)
    assert client.get(url).status_code == 200
    services.calendar_feed_revoke(actor=Actor.for_member(world.membership(world.carla)))
    revoked = client.get(url)
    unknown_url = reverse("obligations:feed", args=["not-a-real-token"])
    unknown = client.get(unknown_url)
    assert revoked.status_code == unknown.status_code == 404
    assert b"Secreto" not in revoked.content

    # nothing tells one from the other: the same page, but for its per-request CSRF tokens and
    # the address asked for
    def page(response, asked):
        content = response.content.replace(asked.encode(), b"")  # the language form's "next"
        content = re.sub(rb'"X-CSRFToken": "[^"]+"', b"", content)
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)

    assert page(revoked, url) == page(unknown, unknown_url)


def test_a_new_address_replaces_the_old_one(world, client):
    first = _feed_url(world, world.carla)
    second = _feed_url(world, world.carla)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_a_member_who_left_loses_the_feed(world, client):
    url = _feed_url(world, world.sam)
    membership = world.membership(world.sam)
    membership.is_active = False
    membership.save()
    assert client.get(url).status_code == 404
