"""Every read of the risks module, limited to the member's organization (and sites)."""

import datetime

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404

from resguardo.compliance.choices import ActionSource
from resguardo.compliance.selectors import action_item_list
from resguardo.core.choices import Role
from resguardo.core.models import Membership
from resguardo.core.permissions import allowed_site_ids

from .choices import RiskStatus
from .models import (
    CommitteeMeeting,
    CommitteeMember,
    ContingencyPlan,
    Drill,
    Policy,
    PolicyAcknowledgement,
    PolicyVersion,
    RegisterReview,
    Risk,
    ThreatCategory,
)

# Auditors read the policies but are outside the staff who must acknowledge them.
ACKNOWLEDGING_ROLES = (Role.ADMIN, Role.COMPLIANCE, Role.SITE_MANAGER, Role.STAFF)


def site_visible_q(membership, field: str = "site") -> Q:
    """Organization-wide rows and rows of the sites the member may see."""
    ids = allowed_site_ids(membership)
    if ids is None:
        return Q()
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__in": ids})


# Threats ----------------------------------------------------------------------------------


def threat_list(*, membership):
    return (
        ThreatCategory.objects.filter(organization=membership.organization)
        .annotate(risk_count=Count("risks"))
        .order_by("pk")
    )


def threat_get(*, membership, pk) -> ThreatCategory:
    return get_object_or_404(threat_list(membership=membership), pk=pk)


# Risks ------------------------------------------------------------------------------------


def risk_list(*, membership):
    return (
        Risk.objects.filter(organization=membership.organization)
        .filter(site_visible_q(membership))
        .select_related("site", "threat", "owner")
    )


def risk_get(*, membership, pk) -> Risk:
    queryset = risk_list(membership=membership).prefetch_related(
        "requirements__library", "evidence"
    )
    return get_object_or_404(queryset, pk=pk)


def risk_action_reference(risk) -> str:
    return f"risk:{risk.pk}"


def risk_actions(*, membership, risk):
    """The compliance actions that treat this risk (those the member may see)."""
    return action_item_list(membership=membership).filter(
        source=ActionSource.RISK, source_reference=risk_action_reference(risk)
    )


def risk_evidence(*, membership, risk):
    """The linked evidence items the member may open (confidential ones only for roles that
    may see them)."""
    from resguardo.compliance.selectors import evidence_list

    return evidence_list(membership=membership).filter(pk__in=risk.evidence.values("pk"))


def heat_counts(risks, *, residual: bool = True) -> dict[tuple[int, int], int]:
    """{(likelihood, impact): number of active risks}, counted by the database in one query."""
    prefix = "residual" if residual else "inherent"
    rows = (
        risks.filter(status=RiskStatus.ACTIVE)
        .order_by()
        .values_list(f"{prefix}_likelihood", f"{prefix}_impact")
        .annotate(n=Count("pk"))
    )
    return {(likelihood, impact): n for likelihood, impact, n in rows}


def snapshot_heat_counts(rows, *, residual: bool = True) -> dict[tuple[int, int], int]:
    prefix = "residual" if residual else "inherent"
    counts: dict[tuple[int, int], int] = {}
    for row in rows:
        if row.get("status", RiskStatus.ACTIVE) != RiskStatus.ACTIVE:
            continue
        cell = (row[f"{prefix}_likelihood"], row[f"{prefix}_impact"])
        counts[cell] = counts.get(cell, 0) + 1
    return counts


# Reviews ----------------------------------------------------------------------------------


def review_list(*, membership):
    return RegisterReview.objects.filter(organization=membership.organization).select_related(
        "reviewed_by", "meeting"
    )


def review_get(*, membership, pk) -> RegisterReview:
    return get_object_or_404(review_list(membership=membership), pk=pk)


def review_previous(review) -> RegisterReview | None:
    return (
        RegisterReview.objects.filter(
            organization_id=review.organization_id, number__lt=review.number
        )
        .order_by("-number")
        .first()
    )


def latest_review(organization) -> RegisterReview | None:
    return RegisterReview.objects.filter(organization=organization).order_by("-number").first()


def visible_rows(membership, rows: list[dict]) -> list[dict]:
    """Rows of a frozen register the member may read: site-limited roles see their sites'
    risks and the organization-wide ones."""
    ids = allowed_site_ids(membership)
    if ids is None:
        return rows
    return [row for row in rows if row.get("site_id") is None or row["site_id"] in ids]


# Committee --------------------------------------------------------------------------------


def committee_member_list(*, membership):
    return CommitteeMember.objects.filter(organization=membership.organization).select_related(
        "user"
    )


def committee_member_get(*, membership, pk) -> CommitteeMember:
    return get_object_or_404(committee_member_list(membership=membership), pk=pk)


def meeting_list(*, membership):
    return (
        CommitteeMeeting.objects.filter(organization=membership.organization)
        .annotate(decision_count=Count("decisions", distinct=True))
        .prefetch_related("attendees", "decisions")
        .order_by("-held_on", "-pk")
    )


def meeting_get(*, membership, pk) -> CommitteeMeeting:
    return get_object_or_404(meeting_list(membership=membership), pk=pk)


# Policies ---------------------------------------------------------------------------------


def acknowledging_users(organization):
    from django.contrib.auth import get_user_model

    members = Membership.objects.filter(
        organization=organization, is_active=True, role__in=ACKNOWLEDGING_ROLES
    )
    return get_user_model().objects.filter(pk__in=members.values("user_id"), is_active=True)


def must_acknowledge(membership) -> bool:
    return membership is not None and membership.role in ACKNOWLEDGING_ROLES


def policy_list(*, membership):
    acknowledged = PolicyAcknowledgement.objects.filter(
        version_id=OuterRef("current_version_id"), user_id=membership.user_id
    )
    return (
        Policy.objects.filter(organization=membership.organization)
        .select_related("owner", "current_version", "document")
        .annotate(
            acknowledged_by_me=Exists(acknowledged),
            ack_count=Count(
                "current_version__acknowledgements__user",
                filter=Q(
                    current_version__acknowledgements__user__in=acknowledging_users(
                        membership.organization
                    )
                ),
                distinct=True,
            ),
        )
        .order_by("title", "pk")
    )


def policy_get(*, membership, pk) -> Policy:
    return get_object_or_404(policy_list(membership=membership), pk=pk)


def policy_versions(*, policy):
    return PolicyVersion.objects.filter(policy=policy).select_related("approved_by")


def policy_coverage(*, policy) -> dict:
    """Who of the staff acknowledged the version in force, and who has not yet."""
    people = list(acknowledging_users(policy.organization).order_by("last_name", "first_name"))
    if policy.current_version_id is None:
        return {"total": len(people), "done": [], "pending": people, "percent": None}
    acks = dict(
        PolicyAcknowledgement.objects.filter(version_id=policy.current_version_id).values_list(
            "user_id", "acknowledged_at"
        )
    )
    done = [(person, acks[person.pk]) for person in people if person.pk in acks]
    pending = [person for person in people if person.pk not in acks]
    percent = round(100 * len(done) / len(people), 1) if people else None
    return {"total": len(people), "done": done, "pending": pending, "percent": percent}


# Contingency plans ------------------------------------------------------------------------


def plan_list(*, membership):
    return (
        ContingencyPlan.objects.filter(organization=membership.organization)
        .filter(site_visible_q(membership))
        .select_related("site", "owner")
        .annotate(last_drill_on=Max("drills__held_on"))
        .order_by("title", "pk")
    )


def plan_get(*, membership, pk) -> ContingencyPlan:
    queryset = plan_list(membership=membership).prefetch_related("contacts")
    return get_object_or_404(queryset, pk=pk)


def drill_list(*, membership):
    return (
        Drill.objects.filter(organization=membership.organization)
        .filter(site_visible_q(membership, "plan__site"))
        .select_related("plan", "recorded_by")
        .prefetch_related(Prefetch("participants"))
    )


def drill_get(*, membership, pk) -> Drill:
    return get_object_or_404(drill_list(membership=membership), pk=pk)


def drill_action_reference(drill) -> str:
    return f"drill:{drill.pk}"


def drill_actions(*, membership, drills):
    references = [drill_action_reference(d) for d in drills]
    return action_item_list(membership=membership).filter(
        source=ActionSource.OTHER, source_reference__in=references
    )


def plans_due(*, membership, today: datetime.date):
    return plan_list(membership=membership).filter(is_active=True, next_drill_on__lt=today)
