from django.utils.translation import gettext_lazy as _

from resguardo.core.actors import Actor
from resguardo.core.models import Notification
from resguardo.core.notify import notify


def test_one_notification_per_user_and_key_in_each_users_language(world):
    world.carla.language = "en"
    world.carla.save()
    users = [world.alice, world.carla, world.alice]
    args = dict(
        organization=world.org,
        users=users,
        key="test.thing:1",
        title=_("Site created."),
        params=None,
        url="/sites/",
    )
    assert notify(**args) == 2
    assert notify(**args) == 0
    titles = dict(Notification.objects.values_list("user__email", "title"))
    assert titles == {
        "alice@norte.example.mx": "Instalación creada.",
        "carla@norte.example.mx": "Site created.",
    }


def test_actor_from_a_member_and_for_the_system(world):
    membership = world.membership(world.carla)
    actor = Actor.for_member(membership)
    assert (actor.user, actor.organization, actor.is_system) == (world.carla, world.org, False)
    system = Actor.system(world.org)
    assert (system.user, system.organization, system.is_system) == (None, world.org, True)
    assert len(system.request_id) == 32


def test_every_answer_carries_a_request_id(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-abc12345")
    assert response["X-Request-ID"] == "nginx-abc12345"
    response = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\r\nx")
    assert len(response["X-Request-ID"]) == 32
