"""A partner document stored during a call that then fails leaves no file behind: uploads by
the compliance officer and by the partner through the questionnaire link alike."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from resguardo.core.files import atomic_with_files
from resguardo.testing.storage import files_stored, still_stored

from .. import services
from ..models import PartnerDocument
from .factories import create_partner
from .test_questionnaires import sent  # noqa: F401 - the questionnaire fixture
from .test_views import PDF


def _refuse_after_storing(monkeypatch):
    def refuse(**kwargs):
        assert default_storage.exists(kwargs["instance"].file.name)  # stored already
        raise ValidationError("refused after the file was stored")

    monkeypatch.setattr("resguardo.partners.services.partners.create_audited", refuse)


def _upload(world, partner, name="acta.pdf"):
    return services.document_upload(
        actor=world.actor(world.carla),
        partner=partner,
        upload=SimpleUploadedFile(name, PDF),
        kind="articles",
    )


def test_document_refused_after_its_file_was_stored_leaves_no_file(world, monkeypatch):
    partner = create_partner(world)
    _refuse_after_storing(monkeypatch)
    with files_stored() as stored, pytest.raises(ValidationError):
        _upload(world, partner)
    assert stored and still_stored(stored) == []
    assert not PartnerDocument.objects.exists()


def test_document_rolled_back_by_the_enclosing_transaction_leaves_no_file(world):
    partner = create_partner(world)
    with files_stored() as stored, pytest.raises(RuntimeError), atomic_with_files():
        document = _upload(world, partner)
        assert default_storage.exists(document.file.name)
        raise RuntimeError("the operation that uploaded it failed later")
    assert stored and still_stored(stored) == []


def test_questionnaire_upload_refused_after_storing_leaves_no_file(sent, monkeypatch):  # noqa: F811
    questionnaire, _token = sent
    _refuse_after_storing(monkeypatch)
    with files_stored() as stored, pytest.raises(ValidationError):
        services.questionnaire_attach(
            questionnaire=questionnaire,
            question_code="CNV-2",
            upload=SimpleUploadedFile("sellos.pdf", PDF),
        )
    assert stored and still_stored(stored) == []
    assert not questionnaire.documents.exists()


def test_kept_document_is_stored_under_a_fresh_name(world):
    document = _upload(world, create_partner(world), name="../acta constitutiva.pdf")
    assert default_storage.exists(document.file.name)
    assert "acta" not in document.file.name and document.original_name == "acta constitutiva.pdf"


def test_list_file_stored_then_refused_while_saving_entries_leaves_no_file(db, monkeypatch):
    from ..choices import WatchlistSource
    from ..models import ListVersion
    from ..watchlists.importer import list_version_import
    from .factories import fixture_bytes

    def fail(version, entries):
        assert default_storage.exists(version.file.name)  # stored already
        raise ValidationError("the entries could not be saved")

    monkeypatch.setattr("resguardo.partners.watchlists.importer._save_entries", fail)
    with files_stored() as stored, pytest.raises(ValidationError):
        list_version_import(
            source=WatchlistSource.SAT_69B,
            content=fixture_bytes("sat_69b.csv"),
            file_name="69b.csv",
        )
    assert stored and still_stored(stored) == []
    assert not ListVersion.objects.exists()
