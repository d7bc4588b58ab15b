import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance import selectors, services
from resguardo.compliance.choices import Classification, EvidenceKind
from resguardo.compliance.models import EvidenceRevision, RequirementResult
from resguardo.core.actors import Actor

from .factories import pdf_upload, text_upload


def _create(world, **kwargs):
    data = {"title": "Política de seguridad", "kind": EvidenceKind.FILE, "file": pdf_upload()}
    data.update(kwargs)
    return services.evidence_create(actor=world.actor(world.carla), **data)


def test_upload_keeps_hash_and_revisions_never_overwrite(world, db):
    import hashlib

    first = pdf_upload(body=b"version one")
    expected = hashlib.sha256(first.read()).hexdigest()
    first.seek(0)
    evidence = _create(world, file=first)
    assert evidence.current_revision.sha256 == expected
    services.evidence_revise(
        actor=world.actor(world.carla),
        evidence=evidence,
        file=pdf_upload(body=b"version two"),
        note="Firmas actualizadas",
    )
    revisions = list(EvidenceRevision.objects.filter(evidence=evidence).order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].sha256 == expected and revisions[1].sha256 != expected
    assert revisions[0].file.name != revisions[1].file.name
    assert revisions[0].file.read().endswith(b"version one\n%%EOF\n")


def test_bad_uploads_are_refused_and_nothing_is_saved(world, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as error:
        _create(world, file=SimpleUploadedFile("reporte.pdf", b"MZ this is a program"))
    assert "no corresponde a su nombre" in str(error.value)
    with pytest.raises(ValidationError):
        _create(world, file=SimpleUploadedFile("macro.exe", b"MZ"))
    assert not selectors.evidence_list(membership=world.membership(world.carla)).exists()


@override_settings(EVIDENCE_MAX_UPLOAD_MB=1)
def test_upload_over_the_limit_is_refused_on_the_page(world, client_for, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("grande.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10))
    response = client_for(world.carla).post(
        reverse("compliance:evidence_create"),
        {"title": "Grande", "kind": "file", "classification": "internal", "file": big},
    )
    assert response.status_code == 200
    assert "1 MB" in response.content.decode()


def test_download_is_an_attachment_with_nosniff(world, client_for, db):
    evidence = _create(world, file=text_upload())
    response = client_for(world.sofia).get(
        reverse("compliance:evidence_download", args=[evidence.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "bitacora.csv" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"fecha,sello")


def test_confidential_evidence_hidden_from_staff_and_outsiders(world, client_for, db):
    evidence = _create(
        world, title="Expedientes del personal", classification=Classification.CONFIDENTIAL
    )
    for persona in ("sofia", "sam", "oscar"):
        client = client_for(getattr(world, persona))
        assert (
            client.get(reverse("compliance:evidence_detail", args=[evidence.pk])).status_code == 404
        )
        assert (
            client.get(reverse("compliance:evidence_download", args=[evidence.pk])).status_code
            == 404
        )
        listing = client.get(reverse("compliance:evidence_list")).content.decode()
        assert "Expedientes del personal" not in listing
    for persona in ("alice", "carla", "audrey"):
        client = client_for(getattr(world, persona))
        assert (
            client.get(reverse("compliance:evidence_download", args=[evidence.pk])).status_code
            == 200
        )


def test_one_evidence_supports_requirements_in_several_assessments(world, assessment):
    from .factories import start_assessment

    membership = world.membership(world.carla)
    second = start_assessment(world, name="Patio", flags=["yard"], site=world.yard)
    evidence = _create(world)
    for target in (assessment, second):
        item = RequirementResult.objects.get(assessment=target, node__ref_id="1.2")
        services.evidence_link(actor=Actor.for_member(membership), evidence=evidence, result=item)
    supports = selectors.evidence_results(membership=membership, evidence=evidence)
    assert {r.assessment_id for r in supports} == {assessment.pk, second.pk}


def test_staff_cannot_file_confidential_evidence_even_for_their_requirement(world, assessment):
    item = RequirementResult.objects.get(assessment=assessment, node__ref_id="8.1")
    services.result_assign(actor=world.actor(world.carla), target=item, owner=world.sofia)
    item.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.evidence_create(
            actor=world.actor(world.sofia),
            title="x",
            kind=EvidenceKind.LINK,
            url="https://example.mx",
            result=item,
            classification=Classification.CONFIDENTIAL,
        )
    with pytest.raises(PermissionDenied):  # and nothing outside an assignment
        services.evidence_create(
            actor=world.actor(world.sofia),
            title="x",
            kind=EvidenceKind.LINK,
            url="https://example.mx",
        )


def test_expiring_evidence_is_listed(world, db):
    today = timezone.localdate()
    _create(
        world,
        title="Certificado vencido",
        kind=EvidenceKind.LINK,
        file=None,
        url="https://example.mx/a",
        valid_until=today - datetime.timedelta(days=1),
    )
    _create(
        world,
        title="Vence pronto",
        kind=EvidenceKind.LINK,
        file=None,
        url="https://example.mx/b",
        valid_until=today + datetime.timedelta(days=10),
    )
    _create(
        world,
        title="Vigente",
        kind=EvidenceKind.LINK,
        file=None,
        url="https://example.mx/c",
        valid_until=today + datetime.timedelta(days=200),
    )
    titles = [
        e.title for e in selectors.evidence_expiring(membership=world.membership(world.carla))
    ]
    assert titles == ["Certificado vencido", "Vence pronto"]
