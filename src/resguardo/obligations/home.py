"""The home page's "what to do next" panel (a dashboard Panel), different for each role, and
the top bar's bell. Every figure comes with the address of the list that shows it.

The figures other modules own are read here, in one place, through their selectors (this app
sits above compliance and conveyance in the layers); the certification record adds its own
panel (renewal countdown) to the same dashboard host."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance.choices import AssessmentStatus, Result
from resguardo.compliance.models import RequirementResult
from resguardo.compliance.selectors.assessments import assessment_list
from resguardo.compliance.selectors.records import evidence_list
from resguardo.conveyance.choices import InspectionStatus, SealStatus
from resguardo.conveyance.selectors import inspection_list, seal_list
from resguardo.core.choices import Role
from resguardo.core.modules import due_dates

from .selectors import unread_count

NEXT_ITEMS = 6
SOON_DAYS = 30
WEEK_DAYS = 7


def _calendar(**query) -> str:
    url = reverse("obligations:calendar_list")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _obligations(membership, today) -> dict:
    items = due_dates(
        organization=membership.organization,
        start=None,
        end=today + datetime.timedelta(days=SOON_DAYS),
        membership=membership,
    )
    mine = [i for i in items if i.owner_id == membership.user_id]
    overdue = [i for i in items if i.due_on < today]
    week = [i for i in items if today <= i.due_on <= today + datetime.timedelta(days=WEEK_DAYS)]
    scoped = membership.role in (Role.SITE_MANAGER, Role.STAFF)
    first = mine if membership.role == Role.STAFF else items
    return {
        "overdue": len(overdue),
        "overdue_url": _calendar(status="overdue"),
        "week": len(week),
        "soon": len(items) - len(overdue),
        "soon_url": _calendar(status="open"),
        "mine": len(mine),
        "mine_overdue": sum(1 for i in mine if i.due_on < today),
        "mine_url": _calendar(mine="on"),
        "site_items": sum(1 for i in items if i.site_id is not None) if scoped else None,
        "next": [
            {"item": i, "overdue": i.due_on < today, "days": (i.due_on - today).days}
            for i in first[:NEXT_ITEMS]
        ],
    }


def _assessment_work(membership) -> list[dict]:
    """Answers awaiting review and non-compliant answers of the assessments in progress."""
    drafts = assessment_list(membership=membership).exclude(status=AssessmentStatus.FROZEN)
    counts = (
        RequirementResult.objects.filter(assessment__in=drafts)
        .values("assessment_id", "assessment__name")
        .annotate(
            unreviewed=Count(
                "id", filter=Q(reviewed_at__isnull=True) & ~Q(result=Result.NOT_ASSESSED)
            ),
            gaps=Count("id", filter=Q(result__in=(Result.NON_COMPLIANT, Result.PARTIAL))),
        )
        .order_by("-assessment_id")
    )
    rows = []
    for row in counts:
        if not (row["unreviewed"] or row["gaps"]):
            continue
        results = reverse("compliance:result_list", args=[row["assessment_id"]])
        rows.append(
            {
                "name": row["assessment__name"],
                "unreviewed": row["unreviewed"],
                "unreviewed_url": f"{results}?unreviewed=true",
                "gaps": row["gaps"],
                "gaps_url": results,
            }
        )
    return rows


def _site_work(membership) -> dict:
    return {
        "held": inspection_list(membership=membership).filter(status=InspectionStatus.HELD).count(),
        "held_url": reverse("conveyance:inspection_list") + "?status=held",
        "awaiting": inspection_list(membership=membership).filter(reviewed_at__isnull=True).count(),
        "awaiting_url": reverse("conveyance:inspection_list") + "?awaiting_review=true",
    }


def _staff_work(membership) -> dict:
    mine = inspection_list(membership=membership).filter(inspector_id=membership.user_id)
    return {
        "my_seals": seal_list(membership=membership)
        .filter(holder_id=membership.user_id, status=SealStatus.ISSUED)
        .count(),
        "seals_url": reverse("conveyance:seal_list") + "?status=issued",
        "my_inspections_open": mine.filter(reviewed_at__isnull=True).count(),
        "inspections_url": reverse("conveyance:inspection_list") + "?awaiting_review=true",
    }


def _auditor_work(membership) -> dict:
    return {
        "frozen": assessment_list(membership=membership)
        .filter(status=AssessmentStatus.FROZEN)
        .count(),
        "frozen_url": reverse("compliance:assessment_list") + "?status=frozen",
        "evidence": evidence_list(membership=membership).count(),
        "evidence_url": reverse("compliance:evidence_list"),
    }


def dashboard_slot(membership) -> dict:
    """The dashboard's panel is a slot the page fills right after it loads (htmx): the
    figures read every module's due dates, and the dashboard keeps its own query budget."""
    return {}


def home_panel(membership) -> dict:
    today = timezone.localdate()
    role = membership.role
    panel = {"role": role, "obligations": _obligations(membership, today)}
    if role in (Role.ADMIN, Role.COMPLIANCE):
        panel["assessments"] = _assessment_work(membership)
    elif role == Role.SITE_MANAGER:
        panel["site"] = _site_work(membership)
    elif role == Role.STAFF:
        panel["staff"] = _staff_work(membership)
    elif role == Role.AUDITOR:
        panel["auditor"] = _auditor_work(membership)
    return panel


def bell(membership) -> dict:
    return {"unread": unread_count(membership=membership)}
