import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from resguardo.conveyance import services

from .factories import jpeg, shipment_at

pytestmark = pytest.mark.django_db


def _results(n, failed=(), photo_for=()):
    return [
        {
            "code": str(c),
            "passed": c not in failed,
            "note": "Soldadura reciente" if c in failed else "",
            "photo": jpeg() if c in photo_for else None,
        }
        for c in range(1, n + 1)
    ]


def _record(world, key="tractor-trailer-17", results=None, user=None, **extra):
    user = user or world.sofia
    return services.inspection_record(
        actor=world.actor(user),
        checklist_key=key,
        site=world.yard,
        place="Patio, andén 2",
        signed_name="Sofia",
        unit_number="cj-53214",
        tractor_plates="92 ak 4l",
        trailer_plates=extra.pop("trailer_plates", "45 ub 7k"),
        results=results if results is not None else _results(17),
        **extra,
    )


def test_seventeen_points_passed_awaits_review(patentes, checklists):
    inspection = _record(patentes)
    assert inspection.status == "passed" and inspection.point_count == 17
    assert inspection.unit_number == "CJ53214" and inspection.tractor_plates == "92AK4L"
    assert not inspection.is_complete
    reviewed = services.inspection_review(
        actor=patentes.actor(patentes.sam),
        inspection=inspection,
        decision="accepted",
    )
    assert reviewed.is_complete and reviewed.status == "passed"


def test_every_point_must_be_answered(patentes, checklists):
    results = _results(17)[:-1]
    with pytest.raises(ValidationError) as error:
        _record(patentes, results=results)
    assert (
        "Point 17" in error.value.messages[0]
        and "mark it passed or failed" in error.value.messages[0]
    )
    with pytest.raises(ValidationError) as error:
        _record(patentes, results=_results(17) + [{"code": "18", "passed": True}])
    assert "no point 18" in error.value.messages[0]


def test_failed_point_holds_and_photo_is_kept(patentes, checklists):
    inspection = _record(patentes, results=_results(17, failed={5}, photo_for={5}))
    assert inspection.status == "held" and inspection.failed_count == 1
    result = inspection.results.get(code="5")
    assert result.file and result.content_type == "image/jpeg"


def test_nobody_reviews_their_own_inspection_and_staff_never_decide(patentes, checklists):
    world = patentes
    own = _record(world, user=world.sam, results=_results(17, failed={1}))
    with pytest.raises(ValidationError) as error:
        services.inspection_review(
            actor=world.actor(world.sam),
            inspection=own,
            decision="released",
            note="ok",
        )
    assert "another supervisor" in error.value.messages[0]
    with pytest.raises(PermissionDenied):
        services.inspection_review(
            actor=world.actor(world.sofia),
            inspection=own,
            decision="released",
            note="ok",
        )
    rejected = services.inspection_review(
        actor=world.actor(world.carla),
        inspection=own,
        decision="rejected",
        note="Compartimento oculto en la defensa",
    )
    assert rejected.status == "rejected" and rejected.holds_unit


def test_inspection_of_a_shipment_trailer_holds_its_seal(patentes, checklists):
    from .factories import issued_seal, png

    world = patentes
    shipment = shipment_at(world.yard, containers=0)
    _record(world, shipment=shipment, results=_results(17, failed={9}))
    seal = issued_seal(world)
    with pytest.raises(ValidationError) as error:
        services.seal_apply(
            actor=world.actor(world.sofia),
            seal=seal,
            shipment=shipment,
            photo=png(),
        )
    assert "is held" in error.value.messages[0]


def test_photo_added_later(patentes, checklists):
    world = patentes
    inspection = _record(world)
    result = services.inspection_photo_add(
        actor=world.actor(world.sofia),
        inspection=inspection,
        code="3",
        photo=jpeg(),
    )
    assert result.sha256
    with pytest.raises(ValidationError):
        services.inspection_photo_add(
            actor=world.actor(world.sofia),
            inspection=inspection,
            code="3",
            photo=jpeg(),
        )
