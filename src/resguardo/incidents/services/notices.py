"""Notices on a clock: add one, file it (folio, acuse), waive it, escalate the overdue."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.actors import Actor
from resguardo.core.notify import notify
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..access import require_not_closed
from ..choices import NoticeRecipient, NoticeStatus, TimelineKind
from ..models import Incident, Notice
from .common import compliance_officers, timeline_add


def _require_officer(actor, obj):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, obj)


@transaction.atomic
def notice_add(
    *, actor: Actor, incident: Incident, recipient, due_at, recipient_detail="", note=""
):
    _require_officer(actor, incident)
    require_not_closed(incident)
    if recipient not in NoticeRecipient.values:
        raise ValidationError({"recipient": _("Choose to whom the notice goes.")})
    if due_at is None:
        raise ValidationError({"due_at": _("Give the time the notice is due.")})
    return create_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=Notice(
            organization=incident.organization,
            incident=incident,
            recipient=recipient,
            recipient_detail=(recipient_detail or "").strip(),
            due_at=due_at,
            note=(note or "").strip(),
        ),
        verb="incident.notice_added",
    )


@transaction.atomic
def notice_file(
    *,
    actor: Actor,
    notice: Notice,
    filed_at=None,
    folio="",
    acuse="",
    note="",
    expected_version=None,
):
    """Record that the notice was given: when, its folio and acknowledgment."""
    _require_officer(actor, notice)
    if notice.status == NoticeStatus.FILED:
        raise ValidationError(_("This notice is already filed."), code="filed")
    filed_at = filed_at or timezone.now()
    if filed_at > timezone.now():
        raise ValidationError({"filed_at": _("This time is in the future.")})
    folio = (folio or "").strip()
    if notice.recipient == NoticeRecipient.OEA_AVISO and not folio:
        raise ValidationError(
            {"folio": _("Give the folio the SAT's window assigned to the aviso.")}
        )
    notice = update_audited(
        actor=actor.user,
        organization=notice.organization,
        instance=notice,
        changes={
            "status": NoticeStatus.FILED,
            "filed_at": filed_at,
            "folio": folio,
            "acuse": (acuse or "").strip(),
            "note": (note or notice.note).strip(),
            "filed_by": actor.user,
        },
        expected_version=expected_version,
        verb="incident.notice_filed",
        data={"recipient": str(notice.get_recipient_display())},
    )
    timeline_add(
        actor=actor,
        incident=notice.incident,
        kind=TimelineKind.NOTICE,
        text=_("Notice filed: %(to)s, folio %(folio)s")
        % {"to": notice.get_recipient_display(), "folio": folio or "—"},
        at=filed_at,
    )
    return notice


@transaction.atomic
def notice_waive(*, actor: Actor, notice: Notice, reason: str, expected_version=None):
    """This case does not call for the notice (e.g. a typing error, no security event)."""
    _require_officer(actor, notice)
    if notice.status != NoticeStatus.PENDING:
        raise ValidationError(_("Only a pending notice can be marked as not required."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why this notice is not required.")})
    notice = update_audited(
        actor=actor.user,
        organization=notice.organization,
        instance=notice,
        changes={"status": NoticeStatus.WAIVED, "note": reason},
        expected_version=expected_version,
        verb="incident.notice_waived",
        data={"recipient": str(notice.get_recipient_display())},
    )
    timeline_add(
        actor=actor,
        incident=notice.incident,
        kind=TimelineKind.NOTICE,
        text=_("Notice not required: %(to)s. %(reason)s")
        % {"to": notice.get_recipient_display(), "reason": reason},
    )
    return notice


def notices_escalate(*, now=None) -> int:
    """Tell the compliance officers of every notice that passed its due time unfiled (once per
    notice); returns how many were escalated. Run by `resguardo incidents escalate` (and the
    obligations calendar's reminder job, through the due-dates provider)."""
    now = now or timezone.now()
    overdue = Notice.objects.filter(
        status=NoticeStatus.PENDING, due_at__lt=now, escalated_at__isnull=True
    ).select_related("incident", "organization")
    count = 0
    for notice in overdue:
        with transaction.atomic():
            claimed = Notice.objects.filter(pk=notice.pk, escalated_at__isnull=True).update(
                escalated_at=now
            )
            if not claimed:
                continue
            notify(
                organization=notice.organization,
                users=compliance_officers(notice.organization),
                key=f"incidents.notice_overdue:{notice.pk}",
                title=gettext_lazy("Overdue notice for %(ref)s: %(to)s"),
                body=gettext_lazy("It was due on %(due)s and has not been filed."),
                params={
                    "ref": notice.incident.reference,
                    "to": notice.get_recipient_display(),
                    "due": timezone.localtime(notice.due_at).strftime("%Y-%m-%d %H:%M"),
                },
                url=notice.incident.get_absolute_url(),
            )
            count += 1
    return count
