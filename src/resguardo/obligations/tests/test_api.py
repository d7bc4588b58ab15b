"""API: obligations with the calendar's filters, notifications, preferences, feed token."""

import datetime

from django.utils import timezone

from resguardo.compliance.tests.factories import ActionItemFactory

from ..models import NotificationPreference


def test_obligations_with_filters(world, api_for):
    today = timezone.localdate()
    late = ActionItemFactory(
        organization=world.org, title="Vencida", due_date=today - datetime.timedelta(days=2)
    )
    ActionItemFactory(
        organization=world.org, title="Próxima", due_date=today + datetime.timedelta(days=2)
    )
    ActionItemFactory(organization=world.other_org, title="De Sur", due_date=today)
    api = api_for(world.carla)
    rows = api.get("/api/v1/obligations/").json()
    titles = " ".join(r["title"] for r in rows)
    assert "Vencida" in titles and "Próxima" in titles and "De Sur" not in titles
    overdue = api.get("/api/v1/obligations/?status=overdue").json()
    assert [r["key"] for r in overdue] == [f"compliance.action:{late.pk}"]
    assert overdue[0]["overdue"] is True and overdue[0]["module"] == "compliance"
    assert api.get("/api/v1/obligations/?standard=99").status_code == 400


def test_notifications_list_and_mark_read(world, api_for):
    from resguardo.core.notify import notify

    notify(organization=world.org, users=[world.carla, world.alice], key="k", title="Hola")
    api = api_for(world.carla)
    rows = api.get("/api/v1/notifications/").json()["results"]
    assert len(rows) == 1
    answer = api.post(f"/api/v1/notifications/{rows[0]['id']}/mark-read/")
    assert answer.status_code == 200 and answer.json()["read_at"]
    alices = world.alice.notifications.get()
    assert api.post(f"/api/v1/notifications/{alices.pk}/mark-read/").status_code == 404
    assert api.post("/api/v1/notifications/mark-all-read/").json() == {"marked": 0}


def test_preferences_and_feed_token(world, api_for, client):
    api = api_for(world.sofia)
    assert api.get("/api/v1/notification-preferences/").json() == {"email": "immediate"}
    assert (
        api.put("/api/v1/notification-preferences/", {"email": "weekly"}, format="json").status_code
        == 200
    )
    assert NotificationPreference.objects.get(user=world.sofia).email == "weekly"
    assert (
        api.put("/api/v1/notification-preferences/", {"email": "hourly"}, format="json").status_code
        == 400
    )
    created = api.post("/api/v1/calendar-feed/", {"scope": "mine"}, format="json")
    assert created.status_code == 201
    url = created.json()["url"]
    assert client.get(url).status_code == 200
    assert api.get("/api/v1/calendar-feed/").json()["url"] is None  # shown only once
    assert api.delete("/api/v1/calendar-feed/").status_code == 204
    assert client.get(url).status_code == 404
