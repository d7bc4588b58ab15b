import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from resguardo.conveyance import services
from resguardo.conveyance.models import SealDiscrepancy

from .factories import applied_seal, issued_seal, receive_lot, shipment_at

pytestmark = pytest.mark.django_db


def _audit(world, counted, user=None):
    user = user or world.sam
    return services.seal_audit_run(
        actor=world.actor(user), site=world.yard, counted_numbers=counted
    )


def test_clean_audit_has_no_findings(patentes):
    lot = receive_lot(patentes, first=1, last=3)
    audit = _audit(patentes, " ".join(lot.seals.values_list("number", flat=True)))
    assert audit.expected_in_stock == 3 and audit.counted == 3 and audit.finding_count == 0


def test_missing_duplicated_and_unaccounted(patentes):
    world = patentes
    lot = receive_lot(world, first=1, last=4)
    numbers = sorted(lot.seals.values_list("number", flat=True))
    used = applied_seal(world)  # from another lot (MX0001001...)
    counted = [numbers[0], numbers[0], numbers[1], numbers[2], "ZZ999", used.number]
    audit = _audit(world, "\n".join(counted))
    findings = {(f.kind, f.seal_number) for f in audit.findings.all()}
    assert ("missing", numbers[3]) in findings
    assert ("duplicated", numbers[0]) in findings
    assert ("unaccounted", "ZZ999") in findings
    assert ("unaccounted", used.number) in findings
    assert audit.missing_count >= 1 and audit.unaccounted_count == 2
    assert SealDiscrepancy.objects.filter(audit=audit).count() == audit.finding_count


def test_documents_reconciled_with_the_log(patentes):
    world = patentes
    shipment = shipment_at(world.yard, document_seal_numbers=["MX0009999", "QQ1"])
    other = shipment_at(world.yard, document_seal_numbers=["QQ1"])
    seal = applied_seal(world, shipment)
    audit = _audit(world, "")
    by_kind = {}
    for f in audit.findings.all():
        by_kind.setdefault(f.kind, []).append(f)
    assert any(f.seal_number == seal.number for f in by_kind["document_mismatch"])
    assert any(f.seal_number == "QQ1" for f in by_kind["duplicated"])
    assert {f.seal_number for f in by_kind["unaccounted"]} >= {"MX0009999", "QQ1"}
    assert other.pk in {f.shipment_id for f in by_kind["unaccounted"]}


def test_issued_too_long_is_unaccounted_and_rerun_does_not_duplicate(patentes):
    world = patentes
    seal = issued_seal(world)
    type(seal).objects.filter(pk=seal.pk).update(
        last_event_at=timezone.now() - datetime.timedelta(days=5)
    )
    first = _audit(world, "")
    assert any(
        f.kind == "unaccounted" and f.seal_number == seal.number for f in first.findings.all()
    )
    count = SealDiscrepancy.objects.count()
    second = _audit(world, "")
    assert second.finding_count == first.finding_count
    assert SealDiscrepancy.objects.count() == count  # open discrepancies are reused


def test_only_supervisors_audit(patentes):
    with pytest.raises(PermissionDenied):
        _audit(patentes, "", user=patentes.sofia)
    audit = _audit(patentes, "", user=patentes.carla)
    assert audit.performed_by == patentes.carla


def test_discrepancy_close(patentes):
    world = patentes
    seal = receive_lot(world).seals.first()
    services.seal_void(
        actor=world.actor(world.sam),
        seal=seal,
        reason="lost",
        note="No aparece",
    )
    discrepancy = SealDiscrepancy.objects.get()
    with pytest.raises(PermissionDenied):
        services.discrepancy_close(
            actor=world.actor(world.sofia),
            discrepancy=discrepancy,
            resolution="x",
        )
    closed = services.discrepancy_close(
        actor=world.actor(world.carla),
        discrepancy=discrepancy,
        resolution="Acta levantada; sello dado de baja",
    )
    assert closed.status == "closed" and closed.closed_by == world.carla
