"""Reads for the evidence vault, action items and internal audits."""

import datetime

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from resguardo.core.permissions import allowed_site_ids

from ..access import site_q, visible_classifications
from ..choices import LATE_ACTION_STATUSES, OPEN_ACTION_STATUSES
from ..models import ActionItem, AuditFinding, Evidence, EvidenceRevision, InternalAudit

EXPIRY_WARNING_DAYS = 30


def evidence_list(*, membership):
    """Evidence the membership may see: its sites, and no confidential item for roles
    outside admin, compliance officer and auditor."""
    return (
        Evidence.objects.filter(
            organization=membership.organization,
            classification__in=visible_classifications(membership),
        )
        .filter(site_q(membership))
        .select_related("current_revision", "site", "owner")
    )


def evidence_get(*, membership, pk) -> Evidence:
    return get_object_or_404(evidence_list(membership=membership), pk=pk)


def evidence_revisions(*, evidence):
    return EvidenceRevision.objects.filter(evidence=evidence).select_related("uploaded_by")


def evidence_revision_get(*, membership, evidence_pk, number) -> EvidenceRevision:
    evidence = evidence_get(membership=membership, pk=evidence_pk)
    return get_object_or_404(EvidenceRevision, evidence=evidence, number=number)


def evidence_expiring(*, membership, today=None, days=EXPIRY_WARNING_DAYS):
    """Evidence already expired or expiring within `days`, soonest first."""
    today = today or timezone.localdate()
    return (
        evidence_list(membership=membership)
        .filter(valid_until__isnull=False, valid_until__lte=today + datetime.timedelta(days=days))
        .order_by("valid_until")
    )


def evidence_results(*, membership, evidence):
    """The requirement results this item supports, in every framework."""
    from ..models import RequirementResult

    return (
        RequirementResult.objects.filter(
            organization=membership.organization, evidence_links__evidence=evidence
        )
        .filter(site_q(membership, "assessment__site"))
        .select_related("assessment__library", "node")
        .order_by("-assessment__created_at", "order")
    )


def action_item_list(*, membership):
    queryset = ActionItem.objects.filter(organization=membership.organization).select_related(
        "owner", "site", "node", "finding__audit", "result__assessment"
    )
    if allowed_site_ids(membership) is None:
        return queryset
    return queryset.filter(site_q(membership) | Q(owner_id=membership.user_id))


def action_item_get(*, membership, pk) -> ActionItem:
    return get_object_or_404(action_item_list(membership=membership), pk=pk)


def overdue_q(today=None) -> Q:
    today = today or timezone.localdate()
    return Q(status__in=LATE_ACTION_STATUSES, due_date__lt=today)


def action_items_overdue(*, membership, today=None):
    return action_item_list(membership=membership).filter(overdue_q(today)).order_by("due_date")


def action_item_counts(*, membership, today=None) -> dict[str, int]:
    """Open and overdue action items, one query."""
    return action_item_list(membership=membership).aggregate(
        open=Count("id", filter=Q(status__in=OPEN_ACTION_STATUSES)),
        overdue=Count("id", filter=overdue_q(today)),
    )


def internal_audit_list(*, membership):
    return (
        InternalAudit.objects.filter(organization=membership.organization)
        .select_related("lead_auditor")
        .annotate(finding_count=Count("findings", distinct=True))
        .order_by("-planned_date", "-pk")
    )


def internal_audit_get(*, membership, pk) -> InternalAudit:
    return get_object_or_404(
        InternalAudit.objects.filter(organization=membership.organization)
        .select_related("lead_auditor")
        .prefetch_related("scope_nodes", "sites"),
        pk=pk,
    )


def finding_list(*, membership, audit=None):
    queryset = AuditFinding.objects.filter(organization=membership.organization).select_related(
        "audit", "node", "site"
    )
    if audit is not None:
        queryset = queryset.filter(audit=audit)
    return queryset.annotate(
        open_actions=Count("actions", filter=Q(actions__status__in=OPEN_ACTION_STATUSES)),
        action_count=Count("actions"),
    )


def finding_get(*, membership, pk) -> AuditFinding:
    return get_object_or_404(finding_list(membership=membership), pk=pk)
