"""Scheduled checks and guard rounds: set them up, record them, scan checkpoints.

A failed item becomes a compliance action or, when it is a security event, a
`CheckSecurityEvent` for the incidents module."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.events import publish
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_record_at,
    require_same_organization,
)
from resguardo.core.security_events import SecurityEventKind
from resguardo.core.writes import create_audited, update_audited

from ..choices import CheckKind, RunStatus
from ..compliance_link import raise_action
from ..events import CheckSecurityEvent
from ..models import Camera, Checkpoint, CheckRun, CheckType, RoundScan

# Two scans of the same checkpoint closer than this are one scan (a double read of the code).
DUPLICATE_SCAN_SECONDS = 30


@transaction.atomic
def check_type_create(
    *, actor: Actor, site, kind, name, frequency_days=1, checkpoints=()
) -> CheckType:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_own_site(actor.membership, site)
    if not frequency_days or frequency_days < 1:
        raise ValidationError({"frequency_days": _("Say every how many days (1 or more).")})
    names = [" ".join(n.split()) for n in checkpoints if n and n.strip()]
    if kind == CheckKind.GUARD_ROUND and not names:
        raise ValidationError({"checkpoints": _("A guard round needs at least one checkpoint.")})
    check = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=CheckType(
            organization=actor.organization,
            site=site,
            kind=kind,
            name=" ".join(name.split()),
            frequency_days=frequency_days,
            next_due_on=timezone.localdate() + datetime.timedelta(days=frequency_days),
        ),
        verb="check_type.created",
        data={"check": name},
    )
    for position, checkpoint_name in enumerate(names, start=1):
        Checkpoint.objects.create(
            organization=actor.organization,
            check_type=check,
            name=checkpoint_name,
            position=position,
        )
    return check


def _mark_done(actor: Actor, check: CheckType, when) -> None:
    check = CheckType.objects.select_for_update().get(pk=check.pk)
    update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=check,
        changes={
            "last_done_at": when,
            "next_due_on": timezone.localtime(when).date()
            + datetime.timedelta(days=check.frequency_days),
        },
        verb="check_type.done",
        data={"check": check.name},
    )


def _follow_up(actor: Actor, run: CheckRun) -> None:
    """A problem found: an incident (security event) or a corrective action."""
    url = reverse("facilities:run_detail", args=[run.pk])
    key = f"facilities.check_run:{run.pk}"
    if run.is_security_event:
        publish(
            CheckSecurityEvent(
                organization_id=actor.organization.pk,
                source_key=key,
                kind=SecurityEventKind.UNAUTHORIZED_ACCESS
                if run.check_type.kind in (CheckKind.GUARD_ROUND, CheckKind.PERIMETER)
                else SecurityEventKind.OTHER,
                summary=f"{run.check_type.name}: {run.finding}"[:500],
                site_id=run.site_id,
                occurred_at=run.finished_at,
                url=url,
                reported_by_id=actor.user.pk if actor.user else None,
            )
        )
        return
    action = raise_action(
        organization=actor.organization,
        title=_("Fix: %(check)s at %(site)s")
        % {"check": run.check_type.name, "site": run.site.name},
        description=run.finding,
        site=run.site,
        source_reference=key,
    )
    CheckRun.objects.filter(pk=run.pk).update(action_reference=f"compliance.action:{action.pk}")


@transaction.atomic
def check_record(
    *,
    actor: Actor,
    check_type: CheckType,
    passed: bool,
    finding="",
    is_security_event=False,
    cameras=(),
    review_from=None,
    review_to=None,
) -> CheckRun:
    """Record a check done now (fence, lighting, alarm test, CCTV review or health)."""
    require_same_organization(actor.membership, check_type, field="check_type")
    require_record_at(actor.membership, check_type.site)
    if check_type.kind == CheckKind.GUARD_ROUND:
        raise ValidationError(_("A guard round is recorded by scanning its checkpoints."))
    finding = (finding or "").strip()
    if not passed and not finding:
        raise ValidationError({"finding": _("Say what was wrong.")})
    if check_type.kind == CheckKind.CCTV_REVIEW:
        if not cameras:
            raise ValidationError({"cameras": _("Choose the cameras whose footage you reviewed.")})
        if not review_from or not review_to or review_from >= review_to:
            raise ValidationError(
                {"review_to": _("Give the time range reviewed (from before to).")}
            )
        for camera in cameras:
            if (
                camera.organization_id != actor.organization.pk
                or camera.site_id != check_type.site_id
            ):
                raise ValidationError({"cameras": _("Choose cameras of this site.")})
    now = timezone.now()
    run = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=CheckRun(
            organization=actor.organization,
            check_type=check_type,
            site=check_type.site,
            status=RunStatus.PASSED if passed else RunStatus.FAILED,
            started_at=now,
            finished_at=now,
            performed_by=actor.user,
            finding=finding,
            is_security_event=bool(is_security_event) and not passed,
            review_from=review_from,
            review_to=review_to,
        ),
        m2m={"cameras": list(cameras)},
        verb="check.recorded",
        data={"check": check_type.name},
    )
    _mark_done(actor, check_type, now)
    if not passed:
        _follow_up(actor, run)
    return run


def _checkpoint_for(actor: Actor, code: str) -> Checkpoint:
    checkpoint = (
        Checkpoint.objects.select_related("check_type__site")
        .filter(code=code, organization=actor.organization)
        .first()
    )
    if checkpoint is None:
        # Another organization's code answers like an unknown one: nothing about it leaks.
        raise ValidationError(
            {"code": _("This checkpoint code is not one of your organization's.")},
            code="unknown_checkpoint",
        )
    return checkpoint


@transaction.atomic
def round_scan(*, actor: Actor, code: str, run: CheckRun | None = None) -> tuple[RoundScan, bool]:
    """Record one checkpoint of a round for the person scanning. Returns (scan, created):
    a checkpoint scanned again in the same round is recorded once."""
    checkpoint = _checkpoint_for(actor, (code or "").strip())
    check = checkpoint.check_type
    require_record_at(actor.membership, check.site)
    if run is not None:
        require_same_organization(actor.membership, run, field="run")
        if run.check_type_id != check.pk:
            raise ValidationError(
                {"code": _("This checkpoint belongs to another round or site.")}, code="other_round"
            )
    else:
        run = (
            CheckRun.objects.select_for_update()
            .filter(check_type=check, performed_by=actor.user, status=RunStatus.OPEN)
            .order_by("-started_at")
            .first()
        )
    now = timezone.now()
    if run is None:
        run = create_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=CheckRun(
                organization=actor.organization,
                check_type=check,
                site=check.site,
                started_at=now,
                performed_by=actor.user,
            ),
            verb="round.started",
            data={"check": check.name},
        )
    elif run.status != RunStatus.OPEN:
        raise ValidationError(_("This round is already finished."))
    existing = RoundScan.objects.filter(run=run, checkpoint=checkpoint).first()
    if existing is not None:
        return existing, False
    scan = RoundScan.objects.create(
        organization=actor.organization,
        run=run,
        checkpoint=checkpoint,
        scanned_at=now,
        scanned_by=actor.user,
    )
    return scan, True


@transaction.atomic
def round_finish(*, actor: Actor, run: CheckRun, finding="", is_security_event=False) -> CheckRun:
    """Close the round: missing checkpoints make it incomplete (and it does not count as
    done); a finding becomes an action or a security event."""
    require_same_organization(actor.membership, run, field="run")
    require_record_at(actor.membership, run.site)
    run = CheckRun.objects.select_for_update().select_related("check_type", "site").get(pk=run.pk)
    if run.status != RunStatus.OPEN:
        raise ValidationError(_("This round is already finished."))
    finding = (finding or "").strip()
    missing = run.check_type.checkpoints.exclude(
        pk__in=run.scans.values("checkpoint_id")
    ).values_list("name", flat=True)
    missing = list(missing)
    if missing:
        status = RunStatus.INCOMPLETE
        note = _("Checkpoints not scanned: %(names)s.") % {"names": ", ".join(missing)}
        finding = f"{finding}\n{note}".strip()
    else:
        status = RunStatus.FAILED if finding else RunStatus.PASSED
    now = timezone.now()
    run = update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=run,
        changes={
            "status": status,
            "finished_at": now,
            "finding": finding,
            "is_security_event": bool(is_security_event) and bool(finding),
        },
        verb=f"round.{status}",
        data={"check": run.check_type.name},
    )
    if status != RunStatus.INCOMPLETE:
        _mark_done(actor, run.check_type, now)
    if status == RunStatus.FAILED or (status == RunStatus.INCOMPLETE and run.is_security_event):
        _follow_up(actor, run)
    return run


def cameras_for(check_type: CheckType):
    return Camera.objects.filter(site_id=check_type.site_id, is_active=True)
