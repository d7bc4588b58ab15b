"""Norte's conveyance records for the cross-app walks (tests/integration): a seal lot, an
applied and a voided seal on the shipments walk's shipment, an inspection, a seal audit with
its discrepancy. The walk builds them before its snapshot; the URL kwargs below read the same
cached records."""

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.shipments.tests import walk as shipments_walk
from resguardo.shipments.tests.factories import container_number
from resguardo.testing.walk import WalkFixtures

from .. import services
from ..models import SealDiscrepancy
from .factories import png, receive_lot


def _build(w):
    from resguardo.standards.services import LIBRARIES_DIR, libraries_load

    libraries_load(paths=[LIBRARIES_DIR / "inspection-points-2019.yaml"])
    alice, sam = w.alice, w.sam
    m = w.membership
    shipment = shipments_walk.norte_records(w)["shipment"]
    today = timezone.localdate()
    lot = services.seal_lot_receive(
        actor=Actor.for_member(m(alice)),
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
    services.seal_issue(actor=Actor.for_member(m(alice)), seals=[seal], person=alice)
    applied = services.seal_apply(
        actor=Actor.for_member(m(alice)),
        seal=seal,
        shipment=shipment,
        container=shipment.containers.first(),
        photo=png(),
    )
    services.seal_void(actor=Actor.for_member(m(sam)), seal=lost, reason="lost", note="walk")
    inspection = services.inspection_record(
        actor=Actor.for_member(m(w.sofia)),
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
        actor=Actor.for_member(m(sam)), site=w.yard, counted_numbers=["WK0003"]
    )
    return {
        "lot": lot,
        "seal": applied.seal,
        "event": applied,
        "discrepancy": SealDiscrepancy.objects.filter(organization=w.org).first(),
        "audit": audit,
        "inspection": inspection,
        "point": inspection.results.get(code="1"),
    }


def norte_records(w):
    """Build once (on the world or the walk) and return Norte's shipments and conveyance
    records (the conveyance records are built on the shipments walk's shipment)."""
    if not hasattr(w, "_conveyance"):
        w._conveyance = _build(w)
    return {**shipments_walk.norte_records(w), **w._conveyance}


# Texts of Norte's conveyance records that must never appear to another organization.
MARKERS = ["Walk Seals"]


def pk_of(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


CONVEYANCE_URL_KWARGS = {
    **{
        f"conveyance:seal_{n}": pk_of("seal")
        for n in (
            "detail",
            "issue",
            "return",
            "apply",
            "verify",
            "remove",
            "void",
            "destroy",
            "replace",
            "customs",
        )
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
            "replace",
            "customs",
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

URL_KWARGS = CONVEYANCE_URL_KWARGS

# The checklist key names catalog data every organization shares.
SHARED_OBJECT_ROUTES = {
    "conveyance:inspection_create": "the inspection point lists are the same for everyone",
}


def _grow_seal_events(world):
    for _n in range(3):
        receive_lot(world, prefix="QC")
    return "/api/v1/seal-events/"


def _grow_inspections(world):
    membership = world.membership(world.sofia)
    for n in range(30):
        services.inspection_record(
            actor=Actor.for_member(membership),
            checklist_key="container-7",
            site=world.yard,
            place="Andén",
            signed_name="Sofia",
            unit_number=container_number(serial=n + 1),
            results=[
                {"code": str(c), "passed": c != 3, "note": "Soldadura" if c == 3 else ""}
                for c in range(1, 8)
            ],
        )
    return "/api/v1/inspections/"


WALK = WalkFixtures(
    build=norte_records,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    shared_object_routes=SHARED_OBJECT_ROUTES,
    list_growers=(_grow_seal_events, _grow_inspections),
)
