"""Helpers for conveyance tests: photos, seal lots, shipments ready to seal."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.shipments.tests.factories import ContainerFactory, ShipmentFactory

from .. import services
from ..models import SealLot


def png(name="seal.png", size=(8, 8), color=(200, 30, 30)) -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def jpeg(name="photo.jpg") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (10, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def receive_lot(
    world,
    *,
    user=None,
    site=None,
    first=None,
    last=None,
    prefix="MX",
    iso_class="H",
    manufacturer="TydenBrooks",
):
    """Ten seals by default: MX0001001-MX0001010 for the first lot, then the next ten."""
    user = user or world.alice
    if first is None:
        previous = (
            SealLot.objects.filter(organization=world.org, prefix=prefix)
            .order_by("-last_number")
            .first()
        )
        first = previous.last_number + 1 if previous else 1001
        last = first + 9 if last is None else last
    return services.seal_lot_receive(
        actor=world.actor(user),
        site=site or world.yard,
        manufacturer=manufacturer,
        iso_class=iso_class,
        first_number=first,
        last_number=last,
        prefix=prefix,
        digits=7,
        received_on=timezone.localdate(),
        storage_place="Caja fuerte, caseta del patio",
    )


def shipment_at(site, *, containers=1, kind="dry", **extra):
    shipment = ShipmentFactory(site=site, **extra)
    for _ in range(containers):
        ContainerFactory(shipment=shipment, kind=kind)
    return shipment


def issued_seal(world, *, user=None, number=None, lot=None):
    user = user or world.sofia
    lot = lot or receive_lot(world)
    seal = lot.seals.order_by("number").first() if number is None else lot.seals.get(number=number)
    services.seal_issue(actor=world.actor(user), seals=[seal], person=user)
    seal.refresh_from_db()
    return seal


def applied_seal(world, shipment=None, *, user=None, container=True):
    user = user or world.sofia
    shipment = shipment or shipment_at(world.yard)
    seal = issued_seal(world, user=user)
    services.seal_apply(
        actor=world.actor(user),
        seal=seal,
        shipment=shipment,
        container=shipment.containers.first() if container else None,
        photo=png(),
        place="Andén 3",
    )
    seal.refresh_from_db()
    return seal
