"""One of each compliance object of organization Norte, for the cross-app walks
(tests/integration), declared as `walk` in the app's ResguardoModule."""

from types import SimpleNamespace

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.testing.walk import WalkFixtures

from .. import services
from ..choices import EvidenceKind, Severity
from ..models import RequirementResult
from .factories import ActionItemFactory, answer_all, pdf_upload, start_assessment


def compliance_walk_objects(world) -> SimpleNamespace:
    carla = world.membership(world.carla)
    assessment = start_assessment(world, name="Autoevaluación Norte en curso")
    result = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.1")
    evidence = services.evidence_create(
        actor=Actor.for_member(carla),
        title="Matriz de riesgos Norte",
        kind=EvidenceKind.FILE,
        file=pdf_upload("matriz-norte.pdf"),
        result=result,
    )
    action = services.action_item_create(
        actor=Actor.for_member(carla), title="Acción correctiva Norte", result=result
    )
    audit = services.internal_audit_create(
        actor=Actor.for_member(carla),
        title="Auditoría interna Norte",
        planned_date=timezone.localdate(),
    )
    finding = services.finding_create(
        actor=Actor.for_member(carla),
        audit=audit,
        title="Hallazgo Norte",
        severity=Severity.MINOR,
    )
    frozen = start_assessment(world, name="Autoevaluación Norte firmada")
    answer_all(world, frozen)
    frozen.refresh_from_db()
    frozen = services.assessment_freeze(actor=Actor.for_member(carla), assessment=frozen)
    return SimpleNamespace(
        assessment=assessment,
        frozen=frozen,
        result=RequirementResult.objects.get(pk=result.pk),
        evidence=evidence,
        action=action,
        audit=audit,
        finding=finding,
        markers=[
            "Autoevaluación Norte en curso",
            "Autoevaluación Norte firmada",
            "Matriz de riesgos Norte",
            "matriz-norte.pdf",
            "Acción correctiva Norte",
            "Auditoría interna Norte",
            "Hallazgo Norte",
        ],
    )


def _c(attr, **extra):
    return lambda w: {"pk": getattr(w.compliance, attr).pk, **extra}


URL_KWARGS = {
    "compliance:assessment_detail": _c("assessment"),
    "compliance:assessment_update": _c("assessment"),
    "compliance:result_list": _c("assessment"),
    "compliance:assessment_assign": _c("assessment"),
    "compliance:assessment_freeze": _c("assessment"),
    "compliance:assessment_snapshot": _c("frozen"),
    "compliance:result_detail": _c("result"),
    "compliance:result_assign": _c("result"),
    "compliance:result_review": _c("result"),
    "compliance:result_evidence_add": _c("result"),
    "compliance:result_evidence_unlink": lambda w: {
        "pk": w.compliance.result.pk,
        "evidence": w.compliance.evidence.pk,
    },
    "compliance:result_action_create": _c("result"),
    "compliance:evidence_detail": _c("evidence"),
    "compliance:evidence_update": _c("evidence"),
    "compliance:evidence_revise": _c("evidence"),
    "compliance:evidence_download": _c("evidence"),
    "compliance:evidence_revision_download": _c("evidence", number=1),
    "compliance:action_detail": _c("action"),
    "compliance:action_update": _c("action"),
    "compliance:action_progress": _c("action"),
    "compliance:action_verify": _c("action"),
    "compliance:action_cancel": _c("action"),
    "compliance:audit_detail": _c("audit"),
    "compliance:audit_update": _c("audit"),
    "compliance:finding_create": _c("audit"),
    "compliance:finding_update": _c("finding"),
    "compliance:finding_action_create": _c("finding"),
    "api:assessment-detail": _c("assessment"),
    "api:assessment-results": _c("assessment"),
    "api:assessment-tree": _c("assessment"),
    "api:assessment-freeze": _c("assessment"),
    "api:assessment-mark-current": _c("assessment"),
    "compliance:assessment_mark_current": _c("assessment"),
    "api:result-detail": _c("result"),
    "api:result-assign": _c("result"),
    "api:result-review": _c("result"),
    "api:evidence-detail": _c("evidence"),
    "api:evidence-revise": _c("evidence"),
    "api:evidence-link": _c("evidence"),
    "api:evidence-unlink": _c("evidence"),
    "api:evidence-download": _c("evidence"),
    "api:actionitem-detail": _c("action"),
    "api:actionitem-progress": _c("action"),
    "api:actionitem-verify": _c("action"),
    "api:actionitem-cancel": _c("action"),
    "api:audit-detail": _c("audit"),
    "api:auditfinding-detail": _c("finding"),
    "api:auditfinding-raise-action": _c("finding"),
}


def compliance_snapshot(organization) -> dict:
    """Every compliance row of the organization, as plain values (the walk compares them)."""
    from ..models import (
        ActionItem,
        Assessment,
        AuditFinding,
        Evidence,
        EvidenceRevision,
        InternalAudit,
        ResultEvidence,
    )

    models = [Assessment, RequirementResult, Evidence, EvidenceRevision, ResultEvidence,
              ActionItem, InternalAudit, AuditFinding]  # fmt: skip
    return {
        model._meta.label: list(
            model.objects.filter(organization=organization).order_by("pk").values()
        )
        for model in models
    }


def build(w) -> None:
    w.compliance = compliance_walk_objects(w)


def _grow_results(world):
    return "/api/v1/requirement-results/"  # the walk's assessment has 35 results


def _grow_evidence(world):
    membership = world.membership(world.carla)
    for n in range(30):
        services.evidence_create(
            actor=Actor.for_member(membership),
            title=f"Procedimiento {n}",
            kind=EvidenceKind.FILE,
            file=pdf_upload(f"procedimiento-{n}.pdf"),
            site=world.yard,
        )
    return "/api/v1/evidence/"


def _grow_actions(world):
    for n in range(30):
        ActionItemFactory(
            organization=world.org, title=f"Acción {n}", owner=world.sam, site=world.yard
        )
    return "/api/v1/action-items/"


WALK = WalkFixtures(
    build=build,
    url_kwargs=URL_KWARGS,
    markers=lambda w: w.compliance.markers,
    snapshot=lambda w: compliance_snapshot(w.org),
    list_growers=(_grow_results, _grow_evidence, _grow_actions),
)
