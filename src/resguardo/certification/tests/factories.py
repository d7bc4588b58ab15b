"""Building blocks for the certification tests (through the services, as users would)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.validators import rfc_check_digit

from .. import services
from ..choices import CertificationStatus


def day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def pdf(name="acuse.pdf", body=b"acuse") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n" + body + b"\n%%EOF\n", content_type="application/pdf"
    )


def person_rfc(body="GATS900214Q7") -> str:
    return body + rfc_check_digit(body + "0")


def actor_for(world, user):
    return Actor.for_member(world.membership(user))


def granted(world, *, granted_offset=-700, expires_offset=30, site=None, user=None):
    return services.certification_create(
        actor=actor_for(world, user or world.carla),
        site=site,
        resolution_number="400-02-01-2025-0001",
        granted_on=day(granted_offset),
        expires_on=day(expires_offset),
        status=CertificationStatus.GRANTED,
    )
