import datetime

import pytest
from django.utils import timezone

from resguardo.conveyance import services
from resguardo.conveyance.models import SealAudit
from resguardo.core.indicators import Status, read_indicators

from .factories import applied_seal, shipment_at

pytestmark = pytest.mark.django_db

KEYS = [
    "conveyance.seal_verification_rate",
    "conveyance.inspections_complete",
    "conveyance.seal_discrepancies_90d",
    "conveyance.seal_audit_age",
]


def _read(world):
    return {r.key: r for r in read_indicators(KEYS, organization=world.org)}


def test_no_data_yet(patentes):
    readings = _read(patentes)
    assert readings["conveyance.seal_verification_rate"].status == Status.NO_DATA
    assert readings["conveyance.seal_discrepancies_90d"].reading.value == 0
    assert readings["conveyance.seal_discrepancies_90d"].status == Status.MET


def test_verification_rate_and_discrepancies(patentes):
    world = patentes
    verified = applied_seal(world, shipment_at(world.yard))
    applied_seal(world, shipment_at(world.yard))
    services.seal_verify(
        actor=world.actor(world.sofia),
        seal=verified,
        checkpoint="border",
        view_ok=False,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read=verified.number,
        note="Cinta cortada",
    )
    readings = _read(world)
    rate = readings["conveyance.seal_verification_rate"].reading
    assert (rate.numerator, rate.denominator) == (1, 2)
    assert readings["conveyance.seal_discrepancies_90d"].reading.value == 1
    assert readings["conveyance.seal_discrepancies_90d"].status == Status.NOT_MET


def test_audit_age(patentes):
    world = patentes
    audit = services.seal_audit_run(
        actor=world.actor(world.sam), site=world.yard, counted_numbers=""
    )
    SealAudit.objects.filter(pk=audit.pk).update(
        performed_at=timezone.now() - datetime.timedelta(days=40)
    )
    result = _read(world)["conveyance.seal_audit_age"]
    assert result.reading.value == 40 and result.status == Status.NOT_MET
