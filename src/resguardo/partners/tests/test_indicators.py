"""The standard 4 indicators."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.indicators import get_indicator, read_indicators

from .. import services
from .factories import create_partner, import_fixture


def _read(key, world):
    return get_indicator(key).compute(organization=world.org)


def test_registered_for_standard_4(db):
    for key in (
        "partners.reviews_current",
        "partners.screened_latest",
        "partners.certifications_valid",
        "partners.open_hits",
    ):
        assert 4 in get_indicator(key).standards


def test_no_data_before_anything(world):
    results = read_indicators(
        ["partners.reviews_current", "partners.open_hits"], organization=world.org
    )
    assert [r.reading.value for r in results] == [None, None]


def test_readings(world, carla_membership):
    import_fixture()
    hit_partner = create_partner(world, legal_name="Fénix", rfc="LFE0805123A3", kind="carrier")
    clean = create_partner(world, legal_name="Cliente Limpio")
    services.review_record(
        actor=Actor.for_member(carla_membership),
        partner=clean,
        outcome="satisfactory",
        summary="ok",
    )
    services.certification_create(
        actor=Actor.for_member(carla_membership),
        partner=hit_partner,
        program="oea",
        modality="carrier",
        valid_until=timezone.localdate() + datetime.timedelta(days=100),
    )
    reviews = _read("partners.reviews_current", world)
    assert (reviews.value, reviews.numerator, reviews.denominator) == (50.0, 1, 2)
    assert _read("partners.screened_latest", world).value == 100.0
    certs = _read("partners.certifications_valid", world)
    assert (certs.numerator, certs.denominator) == (1, 1)
    hits = _read("partners.open_hits", world)
    assert hits.value == 1 and "1 hit to review" in hits.detail
    assert get_indicator("partners.open_hits").status(hits) == "not_met"


def test_a_newer_list_makes_screening_stale_until_rescreened(world):
    import_fixture()
    create_partner(world)
    from ..models import ListVersion

    ListVersion.objects.update(imported_at=timezone.now() + datetime.timedelta(minutes=5))
    assert _read("partners.screened_latest", world).value == 0.0
