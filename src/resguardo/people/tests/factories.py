"""Test helpers of the people module: everything goes through the services."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor

from .. import services
from ..models import CheckItemType, Course


def actor_for(world, user=None) -> Actor:
    return Actor.for_member(world.membership(user or world.carla))


def pdf(name="evidence.pdf") -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def jpeg(name="photo.jpg") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (20, 90, 120)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def catalog(world, user=None):
    actor = actor_for(world, user)
    services.catalog_seed(actor=actor)
    items = list(CheckItemType.objects.filter(organization=actor.organization))
    courses = list(Course.objects.filter(organization=actor.organization).order_by("pk"))
    return items, courses


def post(world, name="Glosador", sensitive=False, items=(), courses=(), user=None):
    return services.post_create(
        actor=actor_for(world, user),
        name=name,
        sensitive=sensitive,
        required_checks=list(items),
        course_rules=[(c, months) for c, months in courses],
    )


def person(
    world, the_post, number="E-001", name="Ana López Ruiz", hired_days_ago=800, user=None, **extra
):
    return services.person_create(
        actor=actor_for(world),
        kind=extra.pop("kind", "employee"),
        employee_number=number,
        full_name=name,
        post=the_post,
        site=extra.pop("site", world.yard),
        hire_date=timezone.localdate() - datetime.timedelta(days=hired_days_ago),
        user=user,
        **extra,
    )


def cleared(world, someone, done_on=None):
    actor = actor_for(world)
    check = services.check_start(actor=actor, person=someone)
    for item in check.items.select_related("item_type"):
        services.check_item_record(
            actor=actor,
            item=item,
            result="satisfactory",
            done_on=done_on or timezone.localdate(),
            evidence=pdf(),
        )
    return services.check_clear(actor=actor, check=check)


def customs_badge(world, holder_name, number="NLD-0001", user=None, days_left=200):
    """An official gafete in the badge register (shipments, standard 6.2)."""
    from resguardo.core.models import Aduana
    from resguardo.shipments.services import badge_create

    today = timezone.localdate()
    return badge_create(
        actor=world.actor(world.alice),
        holder_name=holder_name,
        holder_kind="dependiente",
        aduana=Aduana.objects.get(code="24"),
        badge_number=number,
        issued_on=today - datetime.timedelta(days=30),
        expires_on=today + datetime.timedelta(days=days_left),
        user=user,
    )
