"""Two people edit the same record: the second sees what the first saved, keeps what they
typed, and saving again deliberately applies it. Every compliance edit form behaves alike."""

import re

from django.test import Client
from django.urls import reverse

from resguardo.compliance.models import (
    ActionItem,
    Assessment,
    AuditFinding,
    Evidence,
    InternalAudit,
    RequirementResult,
)

from .factories import ActionItemFactory, AuditFindingFactory, EvidenceFactory, InternalAuditFactory


def form_version(body: str) -> str:
    return re.search(r'name="version" value="(\d+)"', body).group(1)


def two_sessions(world):
    """Carla and Alice, each signed in in their own browser."""
    carla, alice = Client(), Client()
    carla.force_login(world.carla)
    alice.force_login(world.alice)
    return carla, alice


def edit_twice(world, client_for, *, url, base, field, theirs, mine, stored, status=200):
    """Carla opens the form, Alice saves first, then Carla saves her own text."""
    carla, alice = two_sessions(world)
    opened = form_version(carla.get(url).content.decode())
    assert alice.post(url, {**base, field: theirs, "version": opened}).status_code == 302

    conflict = carla.post(url, {**base, field: mine, "version": opened})
    body = conflict.content.decode()
    assert conflict.status_code == status
    assert stored() == theirs  # nothing of Carla's was saved
    panel = body[
        body.index('data-testid="conflict"') : body.index(
            "</div>", body.index('data-testid="conflict"')
        )
    ]
    # Who saved, and when: Alice, through the audit log.
    assert f"{world.alice} guardó este registro el" in panel
    assert "Su texto sigue en el formulario de abajo" in panel
    assert "recargue" not in body
    # What Alice saved, shown as stored now; what Carla typed, still in the form.
    stored_now = body[body.index('data-testid="stored-now"') :]
    assert theirs in stored_now.split("</dl>")[0]
    form = body[body.index('<form method="post"', body.index('data-testid="conflict"')) :]
    assert mine in form.split("</form>")[0]
    # The form now carries the stored version: saving again applies Carla's text.
    version = form_version(form)
    again = carla.post(url, {**base, field: mine, "version": version})
    assert again.status_code == 302
    assert stored() == mine


def test_requirement_answer(world, client_for, assessment):
    item = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.2")
    edit_twice(
        world, client_for,
        url=reverse("compliance:result_detail", args=[item.pk]),
        base={"result": "partial"},
        field="answer",
        theirs="El comité sesiona cada mes (Alice).",
        mine="El comité sesiona cada trimestre (Carla).",
        stored=lambda: RequirementResult.objects.get(pk=item.pk).answer,
        status=409,
    )  # fmt: skip


def test_evidence(world, client_for, db):
    evidence = EvidenceFactory(organization=world.org, title="Procedimiento de sellos")
    edit_twice(
        world, client_for,
        url=reverse("compliance:evidence_update", args=[evidence.pk]),
        base={"title": evidence.title, "url": evidence.url, "classification": "internal"},
        field="description",
        theirs="Versión firmada por dirección.",
        mine="Versión 3, revisada por el comité.",
        stored=lambda: Evidence.objects.get(pk=evidence.pk).description,
    )  # fmt: skip


def test_action_item(world, client_for, db):
    action = ActionItemFactory(organization=world.org, title="Cambiar candados")
    edit_twice(
        world, client_for,
        url=reverse("compliance:action_update", args=[action.pk]),
        base={"title": action.title, "kind": "corrective"},
        field="description",
        theirs="Comprar candados de alta seguridad.",
        mine="Cambiar candados del patio norte y registrar llaves.",
        stored=lambda: ActionItem.objects.get(pk=action.pk).description,
    )  # fmt: skip


def test_assessment(world, client_for, assessment):
    edit_twice(
        world, client_for,
        url=reverse("compliance:assessment_update", args=[assessment.pk]),
        base={"name": assessment.name, "status": "draft"},
        field="description",
        theirs="Ciclo 2026, todas las instalaciones.",
        mine="Ciclo 2026, preparación de la visita de inspección.",
        stored=lambda: Assessment.objects.get(pk=assessment.pk).description,
    )  # fmt: skip


def test_internal_audit(world, client_for, db):
    audit = InternalAuditFactory(organization=world.org, title="Auditoría de accesos")
    edit_twice(
        world, client_for,
        url=reverse("compliance:audit_update", args=[audit.pk]),
        base={"title": audit.title, "planned_date": audit.planned_date.isoformat(),
              "status": "planned"},
        field="objective",
        theirs="Revisar bitácoras de visitantes.",
        mine="Revisar gafetes y bitácoras de visitantes.",
        stored=lambda: InternalAudit.objects.get(pk=audit.pk).objective,
    )  # fmt: skip


def test_finding(world, client_for, db):
    finding = AuditFindingFactory(audit__organization=world.org, title="Llaves sin control")
    edit_twice(
        world, client_for,
        url=reverse("compliance:finding_update", args=[finding.pk]),
        base={"title": finding.title, "severity": "minor"},
        field="description",
        theirs="Dos llaves sin registro.",
        mine="Tres llaves del almacén sin registro de entrega.",
        stored=lambda: AuditFinding.objects.get(pk=finding.pk).description,
    )  # fmt: skip


def test_stored_choice_is_shown_as_its_label(world, client_for, db):
    """A changed choice is shown the way the form offers it, not as its code."""
    action = ActionItemFactory(organization=world.org, title="Cambiar candados")
    url = reverse("compliance:action_update", args=[action.pk])
    carla, alice = two_sessions(world)
    opened = form_version(carla.get(url).content.decode())
    base = {"title": action.title, "version": opened}
    alice.post(url, {**base, "kind": "preventive"})
    body = carla.post(url, {**base, "kind": "corrective"}).content.decode()
    stored_now = body[body.index('data-testid="stored-now"') :].split("</dl>")[0]
    assert "<dt>Tipo</dt><dd>Preventiva</dd>" in stored_now
    assert "Título" not in stored_now  # the same on both sides: not listed


def test_api_stale_version_answers_409_with_a_clear_body(world, api_for, db):
    evidence = EvidenceFactory(organization=world.org)
    url = f"/api/v1/evidence/{evidence.pk}/"
    first = api_for(world.alice).patch(url, {"title": "A", "version": 1}, format="json")
    assert first.status_code == 200
    stale = api_for(world.carla).patch(url, {"title": "B", "version": 1}, format="json")
    assert stale.status_code == 409
    assert "modificó este registro después de que usted lo abrió" in stale.json()["detail"][0]
    assert Evidence.objects.get(pk=evidence.pk).title == "A"
