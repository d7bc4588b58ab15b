"""Helpers the facilities tests share: actors of the personas, badges, a visit at the gate."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from resguardo.core.actors import Actor

from .. import services
from ..choices import BadgeKind, IdType


def actor(world, user) -> Actor:
    return Actor.for_member(world.membership(user))


def badge(world, number="V-001", *, site=None, kind=BadgeKind.VISITOR, **kwargs):
    return services.badge_register(
        actor=actor(world, world.alice), site=site or world.yard, number=number, kind=kind, **kwargs
    )


def check_in(world, *, user=None, site=None, full_name="Juan Pérez López", **kwargs):
    data = {
        "id_type": IdType.INE,
        "id_number": "GOPJ800101HTS",
        "purpose": "Entrega de documentos",
        "company": "Transportes Norte",
    }
    data.update(kwargs)
    return services.visit_check_in(
        actor=actor(world, user or world.sofia),
        site=site or world.yard,
        full_name=full_name,
        **data,
    )


def jpeg(name="visitor.jpg"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (24, 24), (20, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
