import pytest

from resguardo.accounts.demo import seed_demo
from resguardo.conveyance.models import Inspection, Seal, SealAudit, SealDiscrepancy, SealEvent
from resguardo.core.identifiers import validate_container_number
from resguardo.shipments.models import Shipment
from resguardo.shipments.rules import clean_pedimento
from resguardo.shipments.services import load_catalogs

pytestmark = pytest.mark.django_db


def test_demo_has_realistic_shipments_seals_and_inspections(
    checklists, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        context = seed_demo()
    organization = context.organization
    shipments = Shipment.objects.filter(organization=organization)
    assert {s.aduana.code for s in shipments} == {"24", "16"}
    catalogs = load_catalogs(organization)
    for shipment in shipments:
        clean_pedimento(shipment.pedimento, catalogs)  # raises if not valid
        assert shipment.patente.number in ("3921", "3945")
        for container in shipment.containers.all():
            validate_container_number(container.number)
    held = Inspection.objects.get(organization=organization, status="held")
    assert held.failed_count == 1 and held.reviewed_at is None
    assert Inspection.objects.filter(organization=organization, reviewed_at__isnull=False).exists()
    discrepancies = SealDiscrepancy.objects.filter(organization=organization)
    assert sorted(discrepancies.values_list("kind", flat=True)) == ["missing", "tampered"]
    assert SealEvent.objects.filter(organization=organization, kind="verified").count() == 3
    assert SealEvent.objects.filter(kind="applied").exclude(file="").count() == 3
    # The E4 form's list, with tractor and trailer plates, signed off by another member.
    e4 = Inspection.objects.get(organization=organization, checklist_key="e4-transport-unit")
    assert e4.trailer_plates and e4.tractor_plates and e4.supervisor_signed_name
    assert e4.reviewed_by_id != e4.inspector_id
    # A lost seal, blocked and counted by the monthly audit.
    lost = SealEvent.objects.get(organization=organization, kind="voided", void_reason="lost")
    audit = SealAudit.objects.get(organization=organization)
    assert audit.finding_count == 0 and audit.expected_in_stock == 189
    assert audit.lost_count == 1 and audit.lost_numbers == [lost.seal.number]
    # A reconocimiento aduanero: customs' seal carries on the chain of custody.
    customs = Seal.objects.get(organization=organization, placed_by_customs=True)
    assert customs.status == "applied" and customs.shipment is not None
    removal = SealEvent.objects.get(organization=organization, removal_reason="customs_inspection")
    assert removal.related_seal == customs and removal.document_number
