"""The role dimension of the tenancy walk (test_roles_*.py): the people of organization Norte
itself, each within the limits of their role. The routes and their kwargs come from the walk
(walking.py), so a route is walked here as soon as its module's walk fixtures name it.

Records at Norte's office, which sofia (staff at the yard) must never reach, are built here:
the walk fixtures' records are all at the yard.
"""

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from resguardo.conveyance import services as conveyance_services
from resguardo.conveyance.tests.factories import png
from resguardo.core.actors import Actor
from resguardo.core.models import AuditEntry, Membership
from resguardo.core.models.base import TenantModel
from resguardo.shipments import services as shipment_services
from resguardo.shipments.tests.factories import container_number, pedimento_for

from .walking import DISCOVERED, PUBLIC_ROUTES, URL_KWARGS, USER_ROUTES

# Routes about the signed-in person themself (their password, language, tokens, sign-out),
# which every member may use whatever their role in the organization.
SELF_SERVICE_ROUTES = {
    "core:set_language",
    "core:org_switch",
    *USER_ROUTES,
    *(name for name in URL_KWARGS if name.startswith("accounts:")),
    *DISCOVERED.self_service_routes,  # the modules' own (walk fixtures)
}


def is_self_service(route) -> bool:
    return (
        route.name in SELF_SERVICE_ROUTES
        or route.name in PUBLIC_ROUTES
        or route.name.startswith("accounts:")
    )


def tenant_rows(organization) -> dict:
    """Every row of every organization-owned model, as plain values."""
    rows = {}
    for model in apps.get_models():
        if issubclass(model, TenantModel) or model is Membership:
            queryset = model.objects.filter(organization=organization).order_by("pk")
            rows[model._meta.label] = list(queryset.values())
    rows["audit_entries"] = AuditEntry.objects.filter(organization=organization).count()
    return rows


# Records of Norte's office, which sofia (staff at the yard) must never reach ------------


def office_records(w) -> dict:
    """A shipment with its document, a seal lot with an applied seal, an inspection and a
    seal count, all at Norte's office (the URL walk's records are at the yard)."""
    alice = w.alice
    member = w.world.membership(alice)
    today = timezone.localdate()
    shipment = shipment_services.shipment_create(
        actor=Actor.for_member(member),
        site=w.office,
        pedimento=pedimento_for("3921", "24"),
        operation="import",
        mode="road",
        client_name="Cliente Oficina Walk",
        operation_date=today,
        trailer_number="OF1",
        containers=[(container_number(), "dry")],
    )
    document = shipment_services.document_add(
        actor=Actor.for_member(member),
        shipment=shipment,
        kind="invoice",
        file=SimpleUploadedFile("factura-oficina.pdf", b"%PDF-1.4 oficina"),
    )
    lot = conveyance_services.seal_lot_receive(
        actor=Actor.for_member(member),
        site=w.office,
        manufacturer="Oficina Seals",
        iso_class="H",
        prefix="OF",
        first_number=1,
        last_number=3,
        digits=4,
        received_on=today,
        storage_place="Archivo Oficina",
    )
    seal = lot.seals.order_by("number").first()
    conveyance_services.seal_issue(actor=Actor.for_member(member), seals=[seal], person=alice)
    applied = conveyance_services.seal_apply(
        actor=Actor.for_member(member),
        seal=seal,
        shipment=shipment,
        container=shipment.containers.first(),
        photo=png(),
    )
    inspection = conveyance_services.inspection_record(
        actor=Actor.for_member(member),
        checklist_key="container-7",
        site=w.office,
        place="Andén Oficina",
        signed_name="Alice",
        unit_number=shipment.containers.first().number,
        results=[
            {"code": str(c), "passed": True, "photo": png() if c == 1 else None}
            for c in range(1, 8)
        ],
    )
    audit = conveyance_services.seal_audit_run(
        actor=Actor.for_member(member), site=w.office, counted_numbers=["OF0002"]
    )
    return {
        "shipment": shipment,
        "document": document,
        "lot": lot,
        "seal": applied.seal,
        "event": applied,
        "audit": audit,
        "inspection": inspection,
        "point": inspection.results.get(code="1"),
        "discrepancy": audit.discrepancies.first() if hasattr(audit, "discrepancies") else None,
    }


OFFICE_MARKERS = [
    "Cliente Oficina Walk",
    "factura-oficina",
    "Oficina Seals",
    "Andén Oficina",
    "OF0001",
]


def office_url(route, office) -> str:
    kwargs = dict(office.kwargs[route.name])
    if "format" in route.kwarg_names:
        kwargs["format"] = "json"
    return reverse(route.name, kwargs=kwargs)
