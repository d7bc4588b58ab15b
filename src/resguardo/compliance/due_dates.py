"""Compliance dates for the obligations calendar (core.modules.due_dates): evidence that
stops being current, open actions with a due date, internal audits still to perform.
One query per provider; titles are lazy so each reader gets them in their own language."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import DueDate, record_url
from resguardo.core.permissions import Perm

from .choices import OPEN_ACTION_STATUSES, AuditStatus, Classification
from .models import ActionItem, Evidence, InternalAudit


def _in_range(queryset, field, start, end):
    queryset = queryset.filter(**{f"{field}__isnull": False, f"{field}__lte": end})
    return queryset.filter(**{f"{field}__gte": start}) if start is not None else queryset


def _standard(ref_id) -> int | None:
    head = (ref_id or "").split(".")[0]
    return int(head) if head.isdigit() else None


def evidence_expiry(*, organization, start, end):
    url = record_url("compliance:evidence_detail")
    rows = _in_range(Evidence.objects.filter(organization=organization), "valid_until", start, end)
    return [
        DueDate(
            key=f"compliance.evidence:{row['pk']}",
            title=format_lazy("{}: {}", _("Evidence expires"), row["title"]),
            due_on=row["valid_until"],
            url=url(row["pk"]),
            site_id=row["site_id"],
            owner_id=row["owner_id"],
            # confidential evidence (standard 9): not even its title for other roles
            perm=Perm.MANAGE_COMPLIANCE
            if row["classification"] == Classification.CONFIDENTIAL
            else Perm.VIEW,
        )
        for row in rows.values(
            "pk", "title", "valid_until", "site_id", "owner_id", "classification"
        )
    ]


def action_due(*, organization, start, end):
    url = record_url("compliance:action_detail")
    rows = _in_range(
        ActionItem.objects.filter(organization=organization, status__in=OPEN_ACTION_STATUSES),
        "due_date",
        start,
        end,
    )
    return [
        DueDate(
            key=f"compliance.action:{row['pk']}",
            title=format_lazy("{}: {}", _("Action due"), row["title"]),
            due_on=row["due_date"],
            url=url(row["pk"]),
            standard=_standard(row["node__ref_id"]),
            site_id=row["site_id"],
            owner_id=row["owner_id"],
        )
        for row in rows.values("pk", "title", "due_date", "site_id", "owner_id", "node__ref_id")
    ]


def audit_planned(*, organization, start, end):
    url = record_url("compliance:audit_detail")
    rows = _in_range(
        InternalAudit.objects.filter(
            organization=organization,
            status__in=(AuditStatus.PLANNED, AuditStatus.IN_PROGRESS),
        ),
        "planned_date",
        start,
        end,
    )
    return [
        DueDate(
            key=f"compliance.audit:{row['pk']}",
            title=format_lazy("{}: {}", _("Internal audit"), row["title"]),
            due_on=row["planned_date"],
            url=url(row["pk"]),
            standard=1,
            owner_id=row["lead_auditor_id"],
        )
        for row in rows.values("pk", "title", "planned_date", "lead_auditor_id")
    ]
