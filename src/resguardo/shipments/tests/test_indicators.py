import datetime

import pytest
from django.utils import timezone

from resguardo.core.indicators import Status, get_indicator, read_indicators
from resguardo.core.models import Aduana
from resguardo.shipments.models import CustomsBadge

from .factories import ShipmentFactory

pytestmark = pytest.mark.django_db


def test_documents_verified_counts_verification_before_transmission(patentes):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    ShipmentFactory(
        site=patentes.yard,
        status="transmitted",
        transmitted_at=now,
        documents_verified_at=now - hour,
    )
    ShipmentFactory(
        site=patentes.yard, status="cleared", transmitted_at=now - hour, documents_verified_at=now
    )  # verified after transmission: does not count
    ShipmentFactory(site=patentes.yard, status="open")  # not transmitted: not counted
    reading = get_indicator("shipments.documents_verified").compute(organization=patentes.org)
    assert (reading.numerator, reading.denominator, reading.value) == (1, 2, 50.0)
    [result] = read_indicators(["shipments.documents_verified"], organization=patentes.org)
    assert result.status == Status.NOT_MET
    empty = get_indicator("shipments.documents_verified").compute(organization=patentes.other_org)
    assert empty.value is None


def test_badges_current(patentes):
    today = timezone.localdate()
    aduana = Aduana.objects.get(code="24")
    for number, expires, status in (
        ("A", 10, "active"),
        ("B", -1, "active"),
        ("C", -50, "returned"),
    ):
        CustomsBadge.objects.create(
            organization=patentes.org,
            holder_name=number,
            holder_kind="dependiente",
            aduana=aduana,
            badge_number=number,
            issued_on=today - datetime.timedelta(days=400),
            expires_on=today + datetime.timedelta(days=expires),
            status=status,
        )
    reading = get_indicator("shipments.customs_badges_current").compute(organization=patentes.org)
    assert (reading.numerator, reading.denominator) == (1, 2)
