"""Incident records for tests, made through the services as a user would make them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from resguardo.core.actors import Actor

from .. import services
from ..models import Category


def png(name="foto.png", size=(8, 8)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def actor(world, user) -> Actor:
    return Actor.for_member(world.membership(user))


def category(organization, key="seal_tampering") -> Category:
    services.categories_ensure(organization=organization)
    return Category.objects.get(organization=organization, key=key)


def report(world, *, user=None, site=None, description="Sello roto en la caja 12", **extra):
    user = user or world.sofia
    return services.incident_report(
        actor=actor(world, user),
        site=site or world.yard,
        category=extra.pop("category", None) or category(world.org),
        description=description,
        **extra,
    )


def reporting_link(world, *, site=None, organization_user=None):
    user = organization_user or world.carla
    return services.reporting_link_create(actor=actor(world, user), site=site or world.yard)
