"""Retention of the gate log: visits that ended longer ago than the policy allows are deleted."""

import contextlib
import datetime

from django.db import transaction
from django.utils import timezone

from resguardo.core.audit import audit_record
from resguardo.core.choices import AuditAction
from resguardo.core.models import Organization

from ..models import Badge, Visit
from .gate import policy_for

BATCH = 2000


def _purge_batch(organization, cutoff) -> tuple[int, list]:
    with transaction.atomic():
        rows = list(
            Visit.objects.filter(organization=organization, checked_out_at__lt=cutoff)
            .order_by("pk")
            .values_list("pk", "file")[:BATCH]
        )
        if not rows:
            return 0, []
        ids = [pk for pk, _file in rows]
        # A badge still pointing at an old visit keeps its holder's name; the link goes.
        Badge.objects.filter(visit_id__in=ids).update(visit=None)
        Visit.objects.filter(pk__in=ids).delete()
        return len(ids), [name for _pk, name in rows if name]


def visits_purge(*, organization, now: datetime.datetime | None = None) -> int:
    """Delete the organization's expired visits (with their photos); one audit entry."""
    policy = policy_for(organization)
    cutoff = (now or timezone.now()) - datetime.timedelta(days=policy.retention_days)
    storage = Visit._meta.get_field("file").storage
    total = 0
    while True:
        count, files = _purge_batch(organization, cutoff)
        for name in files:
            with contextlib.suppress(OSError):
                storage.delete(name)
        total += count
        if count < BATCH:
            break
    if total and policy.pk:
        with transaction.atomic():
            audit_record(
                actor=None,
                organization=organization,
                action=AuditAction.DELETE,
                instance=policy,
                verb="visits.purged",
                data={"count": total, "days": policy.retention_days},
            )
    return total


def visits_purge_all(*, now=None) -> dict[str, int]:
    return {
        org.short_name or str(org.pk): visits_purge(organization=org, now=now)
        for org in Organization.objects.order_by("pk")
    }
