"""The bell, the notification list, mark read and mark all read (htmx and plain)."""

from resguardo.core.notify import notify


def _notify(world, user, key, title, org=None):
    notify(organization=org or world.org, users=[user], key=key, title=title, url="/compliance/")


def test_the_bell_counts_unread_notifications_on_every_page(world, client_for):
    _notify(world, world.carla, "a", "Primera")
    _notify(world, world.carla, "b", "Segunda")
    _notify(world, world.alice, "c", "De Alicia")
    page = client_for(world.carla).get("/").content.decode()
    assert 'data-testid="bell"' in page
    assert 'data-testid="unread-count">2<' in page


def test_marking_read_with_htmx_updates_the_row_and_tells_the_bell(world, client_for):
    _notify(world, world.carla, "a", "Primera")
    notification = world.carla.notifications.get()
    client = client_for(world.carla)
    response = client.post(
        f"/obligations/notifications/{notification.pk}/read/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "notifications-changed"
    assert 'data-testid="mark-read"' not in response.content.decode()
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert (
        'data-testid="unread-count"'
        not in client.get("/obligations/notifications/bell/").content.decode()
    )


def test_following_a_notification_marks_it_read_and_goes_to_its_record(world, client_for):
    _notify(world, world.carla, "a", "Primera")
    notification = world.carla.notifications.get()
    response = client_for(world.carla).post(
        f"/obligations/notifications/{notification.pk}/read/", {"next": "/compliance/"}
    )
    assert response.status_code == 302 and response["Location"] == "/compliance/"
    evil = client_for(world.carla).post(
        f"/obligations/notifications/{notification.pk}/read/", {"next": "https://evil.example/"}
    )
    assert evil["Location"] == "/obligations/notifications/"


def test_mark_all_read_touches_only_mine_in_this_organization(world, client_for):
    _notify(world, world.carla, "a", "Primera")
    _notify(world, world.carla, "b", "Segunda")
    _notify(world, world.alice, "c", "De Alicia")
    client_for(world.carla).post("/obligations/notifications/read-all/")
    assert not world.carla.notifications.filter(read_at__isnull=True).exists()
    assert world.alice.notifications.filter(read_at__isnull=True).count() == 1


def test_someone_elses_notification_answers_404(world, client_for):
    _notify(world, world.alice, "c", "De Alicia")
    notification = world.alice.notifications.get()
    client = client_for(world.carla)
    assert client.post(f"/obligations/notifications/{notification.pk}/read/").status_code == 404
    assert "De Alicia" not in client.get("/obligations/notifications/").content.decode()
    notification.refresh_from_db()
    assert notification.read_at is None
