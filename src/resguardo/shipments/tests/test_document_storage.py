"""A shipment document stored during a call that then fails leaves no file behind."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from resguardo.core.files import atomic_with_files
from resguardo.shipments import services
from resguardo.shipments.choices import DocumentKind
from resguardo.shipments.models import ShipmentDocument
from resguardo.testing.storage import files_stored, still_stored

from .test_services import PDF, _create


def _add(world, shipment):
    return services.document_add(
        actor=world.actor(world.alice),
        shipment=shipment,
        kind=DocumentKind.CARTA_PORTE,
        number="CP-9",
        file=SimpleUploadedFile("carta.pdf", PDF, content_type="application/pdf"),
    )


def test_document_refused_after_its_file_was_stored_leaves_no_file(patentes, monkeypatch):
    shipment = _create(patentes)

    def refuse(**kwargs):
        assert default_storage.exists(kwargs["instance"].file.name)  # stored already
        raise ValidationError("refused after the file was stored")

    monkeypatch.setattr("resguardo.shipments.services.documents.create_audited", refuse)
    with files_stored() as stored, pytest.raises(ValidationError):
        _add(patentes, shipment)
    assert stored and still_stored(stored) == []
    assert not ShipmentDocument.objects.filter(shipment=shipment).exists()


def test_document_rolled_back_by_the_enclosing_transaction_leaves_no_file(patentes):
    shipment = _create(patentes)
    with files_stored() as stored, pytest.raises(RuntimeError), atomic_with_files():
        document = _add(patentes, shipment)
        assert default_storage.exists(document.file.name)
        raise RuntimeError("the operation that uploaded it failed later")
    assert stored and still_stored(stored) == []


def test_committed_document_keeps_its_file(patentes):
    document = _add(patentes, _create(patentes))
    assert default_storage.exists(document.file.name)
    assert document.original_name == "carta.pdf" and document.size == len(PDF)
