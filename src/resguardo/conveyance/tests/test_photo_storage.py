"""Seal and inspection-point photos stored during a call that then fails leave no file behind."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from resguardo.conveyance import services
from resguardo.conveyance.models import Inspection, InspectionPointResult, SealEvent
from resguardo.core.files import atomic_with_files
from resguardo.testing.storage import files_stored, still_stored

from .factories import applied_seal, issued_seal, jpeg, png, shipment_at
from .test_inspections import _record, _results

pytestmark = pytest.mark.django_db


def _refuse_after_storing(monkeypatch, module):
    def refuse(**kwargs):
        assert default_storage.exists(kwargs["instance"].file.name)  # stored already
        raise ValidationError("refused after the photo was stored")

    monkeypatch.setattr(f"resguardo.conveyance.services.{module}.create_audited", refuse)


def _apply(world, seal):
    return services.seal_apply(
        actor=world.actor(world.sofia),
        seal=seal,
        shipment=shipment_at(world.yard),
        photo=png(),
    )


def _verify(world, seal):
    return services.seal_verify(
        actor=world.actor(world.sofia),
        seal=seal,
        checkpoint="yard_exit",
        view_ok=True,
        verify_ok=True,
        tug_ok=True,
        twist_ok=True,
        number_read=seal.number,
        photo=png(),
    )


def _remove(world, seal):
    return services.seal_remove(
        actor=world.actor(world.sofia),
        seal=seal,
        reason="customs_inspection",
        photo=png(),
    )


@pytest.mark.parametrize(
    ("step", "seal_for"),
    [(_apply, issued_seal), (_verify, applied_seal), (_remove, applied_seal)],
    ids=["apply", "verify", "remove"],
)
def test_seal_event_refused_after_its_photo_was_stored_leaves_no_file(
    patentes, monkeypatch, step, seal_for
):
    seal = seal_for(patentes)
    events_before = SealEvent.objects.filter(seal=seal).count()
    _refuse_after_storing(monkeypatch, "common")
    with files_stored() as stored, pytest.raises(ValidationError):
        step(patentes, seal)
    assert stored and still_stored(stored) == []
    assert SealEvent.objects.filter(seal=seal).count() == events_before


def test_seal_photo_rolled_back_by_the_enclosing_transaction_leaves_no_file(patentes):
    seal = issued_seal(patentes)
    with files_stored() as stored, pytest.raises(RuntimeError), atomic_with_files():
        event = _apply(patentes, seal)
        assert default_storage.exists(event.file.name)
        raise RuntimeError("the operation that took the photo failed later")
    assert stored and still_stored(stored) == []


def test_inspection_refused_at_a_later_point_leaves_no_earlier_photo(patentes, checklists):
    from django.core.files.uploadedfile import SimpleUploadedFile

    results = _results(17, failed={5}, photo_for={5})  # point 5's photo is stored first...
    results[5]["photo"] = SimpleUploadedFile("p6.jpg", b"not a photo")  # ...point 6's is not
    with files_stored() as stored, pytest.raises(ValidationError) as error:
        _record(patentes, results=results)
    assert "is not a photo" in error.value.message_dict["photo"][0]
    assert len(stored) == 1 and still_stored(stored) == []
    assert not Inspection.objects.exists()


def test_point_photo_added_then_refused_leaves_no_file(patentes, checklists, monkeypatch):
    inspection = _record(patentes)

    def refuse(**kwargs):
        raise ValidationError("refused after the photo was stored")

    monkeypatch.setattr("resguardo.conveyance.services.inspections.update_audited", refuse)
    with files_stored() as stored, pytest.raises(ValidationError):
        services.inspection_photo_add(
            actor=patentes.actor(patentes.sofia),
            inspection=inspection,
            code="3",
            photo=jpeg(),
        )
    assert stored and still_stored(stored) == []
    assert not InspectionPointResult.objects.filter(inspection=inspection).exclude(file="").exists()
