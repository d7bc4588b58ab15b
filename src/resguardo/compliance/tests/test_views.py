from django.urls import reverse

from resguardo.compliance import services
from resguardo.compliance.choices import Result
from resguardo.compliance.models import RequirementResult

from .factories import answer_all, pdf_upload


def _item(assessment, ref_id):
    return RequirementResult.objects.get(assessment=assessment, node__ref_id=ref_id)


def test_compliance_officer_starts_an_assessment_from_the_form(world, client_for, neec):
    client = client_for(world.carla)
    page = client.get(reverse("compliance:assessment_create"))
    assert page.status_code == 200
    response = client.post(
        reverse("compliance:assessment_create"),
        {"name": "Autoevaluación 2026", "library": neec.pk, "flags": ["yard"]},
    )
    assert response.status_code == 302
    detail = client.get(response["Location"])
    body = detail.content.decode()
    assert "Autoevaluación 2026" in body
    assert "Planeación de la seguridad en la cadena de suministros" in body


def test_results_page_lists_every_requirement(world, client_for, assessment):
    response = client_for(world.audrey).get(reverse("compliance:result_list", args=[assessment.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('data-result="not_assessed"') == 35
    assert "Análisis de riesgo" in body


def test_answer_form_saves_and_shows_indicators_with_targets(world, client_for, assessment):
    item = _item(assessment, "1.3")  # measured by compliance.internal_audit_age and overdue
    client = client_for(world.carla)
    page = client.get(reverse("compliance:result_detail", args=[item.pk]))
    body = page.content.decode()
    assert (
        "Días desde la última auditoría interna" in body
        or "Days since the last internal audit" in body
    )
    assert 'data-testid="indicators"' in body
    response = client.post(
        reverse("compliance:result_detail", args=[item.pk]),
        {"result": "partial", "answer": "El comité audita cada año.", "version": item.version},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.result == Result.PARTIAL and item.answer == "El comité audita cada año."


def test_conflicting_save_answers_409_and_shows_both_texts(world, client_for, assessment):
    item = _item(assessment, "1.2")
    opened_version = item.version
    services.result_update(
        actor=world.actor(world.alice),
        target=item,
        answer="Texto de Alice",
        expected_version=opened_version,
    )
    response = client_for(world.carla).post(
        reverse("compliance:result_detail", args=[item.pk]),
        {"result": "compliant", "answer": "Texto de Carla", "version": opened_version},
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Texto de Carla" in body  # still in the form
    assert "Texto de Alice" in body  # the other version, shown beside it
    assert _item(assessment, "1.2").answer == "Texto de Alice"


def test_auditor_reads_but_cannot_answer(world, client_for, assessment):
    item = _item(assessment, "1.1")
    client = client_for(world.audrey)
    page = client.get(reverse("compliance:result_detail", args=[item.pk]))
    assert page.status_code == 200
    assert (
        "Save answer" not in page.content.decode()
        and "Guardar respuesta" not in page.content.decode()
    )
    response = client.post(
        reverse("compliance:result_detail", args=[item.pk]),
        {"result": "compliant", "answer": "x", "version": item.version},
    )
    assert response.status_code == 403


def test_frozen_assessment_page_refuses_edits(world, client_for, assessment):
    answer_all(world, assessment)
    assessment.refresh_from_db()
    client = client_for(world.carla)
    response = client.post(
        reverse("compliance:assessment_freeze", args=[assessment.pk]),
        {"confirm": "on", "statement": "Firmado", "version": assessment.version},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.is_frozen
    detail = client.get(reverse("compliance:assessment_detail", args=[assessment.pk]))
    assert assessment.snapshot_sha256 in detail.content.decode()
    item = _item(assessment, "1.1")
    response = client.post(
        reverse("compliance:result_detail", args=[item.pk]),
        {"result": "non_compliant", "answer": "cambio", "version": item.version},
    )
    assert response.status_code == 403
    assert _item(assessment, "1.1").result == Result.COMPLIANT
    snapshot = client.get(reverse("compliance:assessment_snapshot", args=[assessment.pk]))
    import hashlib

    assert hashlib.sha256(snapshot.content).hexdigest() == assessment.snapshot_sha256
    staff = client_for(world.sofia).get(
        reverse("compliance:assessment_snapshot", args=[assessment.pk])
    )
    assert staff.status_code == 404  # it names confidential evidence


def test_assignee_uploads_evidence_to_their_requirement(world, client_for, assessment):
    item = _item(assessment, "3.3")
    services.result_assign(
        actor=world.actor(world.carla),
        target=item,
        owner=world.sofia,
    )
    client = client_for(world.sofia)
    response = client.post(
        reverse("compliance:result_evidence_add", args=[item.pk]),
        {
            "title": "Bitácora de visitantes",
            "kind": "file",
            "classification": "internal",
            "file": pdf_upload("bitacora.pdf"),
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("compliance:result_detail", args=[item.pk]))
    assert "Bitácora de visitantes" in page.content.decode()
    other = _item(assessment, "3.4")  # not hers
    assert client.get(reverse("compliance:result_evidence_add", args=[other.pk])).status_code == 403


def test_dashboard_documents_formula_and_shows_svg_charts(world, client_for, assessment):
    item = _item(assessment, "1.1")
    services.result_update(
        actor=world.actor(world.carla),
        target=item,
        result=Result.COMPLIANT,
    )
    body = client_for(world.alice).get(reverse("compliance:dashboard")).content.decode()
    assert 'data-testid="formula"' in body
    assert "<svg" in body and 'role="img"' in body
    assert "0.5" in body  # partially compliant counts half


def test_bulk_assign_from_the_results_page(world, client_for, assessment):
    ids = list(assessment.results.order_by("order").values_list("pk", flat=True)[:3])
    response = client_for(world.carla).post(
        reverse("compliance:assessment_assign", args=[assessment.pk]),
        {"owner": world.sam.pk, "results": ids},
    )
    assert response.status_code == 302
    assert RequirementResult.objects.filter(pk__in=ids, owner=world.sam).count() == 3
