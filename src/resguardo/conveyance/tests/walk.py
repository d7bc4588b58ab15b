"""Norte's shipments and conveyance records for the tenancy walk
(src/resguardo/core/tests/test_url_walk.py). The walk fixture calls `norte_records(world)`
before it takes its snapshot; the URL kwargs below read the same cached records."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.models import Aduana
from resguardo.shipments import services as shipment_services
from resguardo.shipments.tests.factories import container_number, patente, pedimento_for

from .. import services
from ..models import SealDiscrepancy
from .factories import png


def _build(w):
    from resguardo.standards.services import LIBRARIES_DIR, libraries_load

    libraries_load(paths=[LIBRARIES_DIR / "inspection-points-2019.yaml"])
    alice, sam = w.alice, w.sam
    m = w.membership
    patente(w.org, "3921")
    shipment = shipment_services.shipment_create(
        actor=alice,
        membership=m(alice),
        site=w.yard,
        pedimento=pedimento_for("3921", "24"),
        operation="export",
        mode="road",
        client_name="Cliente Norte Walk",
        operation_date=timezone.localdate(),
        trailer_number="CJ1",
        containers=[(container_number(), "dry")],
    )
    document = shipment_services.document_add(
        actor=alice,
        membership=m(alice),
        shipment=shipment,
        kind="invoice",
        file=SimpleUploadedFile("f.pdf", b"%PDF-1.4 walk"),
    )
    today = timezone.localdate()
    badge = shipment_services.badge_create(
        actor=alice,
        membership=m(alice),
        holder_name="Gafete Norte",
        holder_kind="dependiente",
        aduana=Aduana.objects.get(code="24"),
        badge_number="NLD-WALK",
        issued_on=today - datetime.timedelta(days=1),
        expires_on=today + datetime.timedelta(days=300),
    )
    lot = services.seal_lot_receive(
        actor=alice,
        membership=m(alice),
        site=w.yard,
        manufacturer="Walk Seals",
        iso_class="H",
        prefix="WK",
        first_number=1,
        last_number=3,
        digits=4,
        received_on=today,
        storage_place="Caja fuerte",
    )
    seal, lost = list(lot.seals.order_by("number")[:2])
    services.seal_issue(actor=alice, membership=m(alice), seals=[seal], person=alice)
    applied = services.seal_apply(
        actor=alice,
        membership=m(alice),
        seal=seal,
        shipment=shipment,
        container=shipment.containers.first(),
        photo=png(),
    )
    services.seal_void(actor=sam, membership=m(sam), seal=lost, reason="lost", note="walk")
    inspection = services.inspection_record(
        actor=w.sofia,
        membership=m(w.sofia),
        checklist_key="container-7",
        site=w.yard,
        place="Andén",
        signed_name="Sofia",
        unit_number=shipment.containers.first().number,
        results=[
            {"code": str(c), "passed": True, "photo": png() if c == 1 else None}
            for c in range(1, 8)
        ],
    )
    audit = services.seal_audit_run(
        actor=sam, membership=m(sam), site=w.yard, counted_numbers=["WK0003"]
    )
    return {
        "shipment": shipment,
        "document": document,
        "badge": badge,
        "lot": lot,
        "seal": applied.seal,
        "event": applied,
        "discrepancy": SealDiscrepancy.objects.filter(organization=w.org).first(),
        "audit": audit,
        "inspection": inspection,
        "point": inspection.results.get(code="1"),
    }


def norte_records(w):
    """Build once (on the world) and return Norte's records; `w` is the world or the walk."""
    if not hasattr(w, "_shipments_conveyance"):
        w._shipments_conveyance = _build(w)
    return w._shipments_conveyance


# Texts of Norte's records that must never appear to another organization.
MARKERS = ["Cliente Norte Walk", "Gafete Norte", "NLD-WALK", "Walk Seals"]


def pk_of(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


SHIPMENT_URL_KWARGS = {
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

CONVEYANCE_URL_KWARGS = {
    **{
        f"conveyance:seal_{n}": pk_of("seal")
        for n in ("detail", "issue", "return", "apply", "verify", "remove", "void", "destroy")
    },
    "conveyance:event_photo": pk_of("event"),
    "conveyance:lot_detail": pk_of("lot"),
    "conveyance:lot_issue": pk_of("lot"),
    "conveyance:audit_detail": pk_of("audit"),
    "conveyance:discrepancy_detail": pk_of("discrepancy"),
    "conveyance:inspection_detail": pk_of("inspection"),
    "conveyance:inspection_create": lambda w: {"key": "container-7"},
    "conveyance:point_photo": pk_of("point"),
    **{
        f"api:seal-{n}": pk_of("seal")
        for n in (
            "detail",
            "history",
            "issue",
            "return-to-stock",
            "apply",
            "verify",
            "remove",
            "void",
            "destroy-seal",
        )
    },
    "api:seallot-detail": pk_of("lot"),
    "api:seallot-issue": pk_of("lot"),
    "api:sealevent-detail": pk_of("event"),
    "api:sealevent-photo": pk_of("event"),
    "api:sealdiscrepancy-detail": pk_of("discrepancy"),
    "api:sealdiscrepancy-close": pk_of("discrepancy"),
    "api:sealaudit-detail": pk_of("audit"),
    **{f"api:inspection-{n}": pk_of("inspection") for n in ("detail", "review", "photos")},
    "api:inspection-point-photo": lambda w: {"pk": norte_records(w)["inspection"].pk, "code": "1"},
}

URL_KWARGS = {**SHIPMENT_URL_KWARGS, **CONVEYANCE_URL_KWARGS}

# The checklist key names catalog data every organization shares.
SHARED_OBJECT_ROUTES = {
    "conveyance:inspection_create": "the inspection point lists are the same for everyone",
}
