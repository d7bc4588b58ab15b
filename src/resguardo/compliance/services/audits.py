"""Writes for internal security audits (standard 1.3) and their findings."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_same_organization,
)
from resguardo.core.writes import create_audited, update_audited

from ..choices import AuditStatus, Severity
from ..models import AuditFinding, InternalAudit
from .common import check_member

AUDIT_FIELDS = (
    "title", "status", "planned_date", "performed_on", "lead_auditor", "team", "objective",
    "conclusion",
)  # fmt: skip
FINDING_FIELDS = ("title", "description", "severity", "node", "site")


def _check_scope(membership, sites):
    for site in sites:
        require_own_site(membership, site)


def _check_audit_values(values: dict):
    if values.get("status") == AuditStatus.COMPLETED and not values.get("performed_on"):
        raise ValidationError({"performed_on": _("Give the date the audit was performed.")})
    if values.get("status") == AuditStatus.COMPLETED and not (values.get("conclusion") or ""):
        raise ValidationError({"conclusion": _("Write the audit's conclusion.")})


@transaction.atomic(durable=True)
def internal_audit_create(
    *,
    actor: Actor,
    title,
    planned_date,
    lead_auditor=None,
    team="",
    objective="",
    scope_nodes=(),
    sites=(),
) -> InternalAudit:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_member(actor.membership, "lead_auditor", lead_auditor)
    _check_scope(actor.membership, sites)
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=InternalAudit(
            organization=actor.organization,
            title=title.strip(),
            planned_date=planned_date,
            lead_auditor=lead_auditor,
            team=team,
            objective=objective,
            created_by=actor.user,
        ),
        m2m={"scope_nodes": list(scope_nodes), "sites": list(sites)},
    )


@transaction.atomic(durable=True)
def internal_audit_update(
    *, actor: Actor, audit, expected_version=None, scope_nodes=None, sites=None, **changes
):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, audit, field="audit")
    unknown = set(changes) - set(AUDIT_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    check_member(actor.membership, "lead_auditor", changes.get("lead_auditor"))
    m2m = {}
    if scope_nodes is not None:
        m2m["scope_nodes"] = list(scope_nodes)
    if sites is not None:
        _check_scope(actor.membership, sites)
        m2m["sites"] = list(sites)
    _check_audit_values({f: changes.get(f, getattr(audit, f)) for f in AUDIT_FIELDS})
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=audit,
        changes=changes,
        expected_version=expected_version if expected_version is not None else audit.version,
        m2m=m2m,
    )


@transaction.atomic(durable=True)
def finding_create(
    *, actor: Actor, audit, title, severity, description="", node=None, site=None
) -> AuditFinding:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, audit, field="audit")
    require_own_site(actor.membership, site)
    if severity not in Severity.values:
        raise ValidationError({"severity": _("Choose a severity.")})
    if audit.status == AuditStatus.CANCELLED:
        raise ValidationError(_("This audit was cancelled."))
    number = (audit.findings.aggregate(n=Max("number"))["n"] or 0) + 1
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=AuditFinding(
            organization=actor.organization,
            audit=audit,
            number=number,
            title=title.strip(),
            description=description,
            severity=severity,
            node=node,
            site=site,
        ),
    )


@transaction.atomic(durable=True)
def finding_update(*, actor: Actor, finding, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, finding, field="finding")
    unknown = set(changes) - set(FINDING_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    require_own_site(actor.membership, changes.get("site"))
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=finding,
        changes=changes,
        expected_version=expected_version if expected_version is not None else finding.version,
    )
