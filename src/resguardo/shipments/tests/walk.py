"""Norte's shipments records for the cross-app walks (tests/integration): a shipment at the
yard with an invoice, and a customs badge. `norte_records(w)` builds them once and keeps them
on the walk (or the world); the URL kwargs below read the same records."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.models import Aduana
from resguardo.testing.walk import WalkFixtures

from .. import services
from .factories import ContainerFactory, ShipmentFactory, container_number, patente, pedimento_for


def _build(w) -> dict:
    alice = w.alice
    member = w.membership(alice)
    patente(w.org, "3921")
    shipment = services.shipment_create(
        actor=Actor.for_member(member),
        site=w.yard,
        pedimento=pedimento_for("3921", "24"),
        operation="export",
        mode="road",
        client_name="Cliente Norte Walk",
        operation_date=timezone.localdate(),
        trailer_number="CJ1",
        containers=[(container_number(), "dry")],
    )
    document = services.document_add(
        actor=Actor.for_member(member),
        shipment=shipment,
        kind="invoice",
        file=SimpleUploadedFile("f.pdf", b"%PDF-1.4 walk"),
    )
    today = timezone.localdate()
    badge = services.badge_create(
        actor=Actor.for_member(member),
        holder_name="Gafete Norte",
        holder_kind="dependiente",
        aduana=Aduana.objects.get(code="24"),
        badge_number="NLD-WALK",
        issued_on=today - datetime.timedelta(days=1),
        expires_on=today + datetime.timedelta(days=300),
    )
    return {"shipment": shipment, "document": document, "badge": badge}


def norte_records(w) -> dict:
    """Build once (on the world or the walk) and return Norte's shipments records."""
    if not hasattr(w, "_shipments"):
        w._shipments = _build(w)
    return w._shipments


# Texts of Norte's records that must never appear to another organization.
MARKERS = ["Cliente Norte Walk", "Gafete Norte", "NLD-WALK"]


def pk_of(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


URL_KWARGS = {
    **{
        f"shipments:{n}": pk_of("shipment")
        for n in (
            "shipment_detail",
            "shipment_update",
            "shipment_transmit",
            "shipment_clear",
            "shipment_cancel",
            "document_add",
            "document_check",
        )
    },
    "shipments:document_download": pk_of("document"),
    "shipments:badge_update": pk_of("badge"),
    **{
        f"api:shipment-{n}": pk_of("shipment")
        for n in ("detail", "transmit", "clear", "cancel", "verification")
    },
    "api:shipmentdocument-detail": pk_of("document"),
    "api:shipmentdocument-download": pk_of("document"),
    "api:customsbadge-detail": pk_of("badge"),
}


def _grow_shipments(world):
    for _n in range(30):
        shipment = ShipmentFactory(site=world.yard)
        for _container in range(2):
            ContainerFactory(shipment=shipment, kind="dry")
    return "/api/v1/shipments/"


WALK = WalkFixtures(
    build=norte_records,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    list_growers=(_grow_shipments,),
)
