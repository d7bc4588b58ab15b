"""The gate log: check-in (denied list, privacy notice, badge, host notified) and check-out."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resguardo.core.actors import Actor
from resguardo.core.files import PHOTO, atomic_with_files, inspect_upload, store_upload
from resguardo.core.notify import notify
from resguardo.core.permissions import (
    Perm,
    require_perm,
    require_record_at,
    require_same_organization,
)
from resguardo.core.search import name_key
from resguardo.core.writes import create_audited, update_audited

from ..choices import BadgeKind, BadgeStatus, IdMasking, IdType, VisitorKind
from ..models import Badge, DeniedPerson, GatePolicy, Visit
from .badges import check_issuable, normalize_badge_number, release_badge
from .common import check_member, clean_text


def policy_for(organization) -> GatePolicy:
    """The organization's gate policy; the defaults until someone saves one."""
    return GatePolicy.objects.filter(organization=organization).first() or GatePolicy(
        organization=organization
    )


def normalize_id_number(number) -> str:
    return "".join(ch for ch in str(number or "").upper() if ch.isalnum())


def masked_id_number(number: str, masking: str) -> str:
    """What the log keeps of an ID number, as the organization's privacy notice allows."""
    number = normalize_id_number(number)
    if masking == IdMasking.FULL:
        return number
    if masking == IdMasking.LAST_FOUR:
        return ("*" * max(len(number) - 4, 0)) + number[-4:] if number else ""
    return ""


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _check_denied(organization, key: str, id_number: str) -> None:
    matches = Q(name_key=key)
    if id_number:
        matches |= Q(id_number=id_number)
    denied = DeniedPerson.objects.filter(matches, organization=organization, is_active=True).first()
    if denied is not None:
        raise ValidationError(
            {
                "full_name": _(
                    "%(name)s is on the denied-persons list (%(reason)s). Do not let them in "
                    "and tell your supervisor."
                )
                % {"name": denied.full_name, "reason": denied.reason}
            },
            code="denied",
        )


def _check_not_inside(site, key: str) -> None:
    inside = Visit.objects.filter(site=site, name_key=key, checked_out_at__isnull=True).first()
    if inside is not None:
        raise ValidationError(
            {
                "full_name": _(
                    "%(name)s is already checked in at %(site)s since %(since)s; nothing was "
                    "recorded again."
                )
                % {
                    "name": inside.full_name,
                    "site": site.name,
                    "since": _local(inside.checked_in_at),
                }
            },
            code="already_inside",
        )


def _gate_badge(organization, site, number) -> Badge | None:
    number = normalize_badge_number(number)
    if not number:
        return None
    badge = (
        Badge.objects.select_for_update().filter(organization=organization, number=number).first()
    )
    if badge is None:
        raise ValidationError(
            {
                "badge_number": _("There is no badge %(number)s in the register.")
                % {"number": number}
            }
        )
    if badge.site_id != site.pk:
        raise ValidationError(
            {"badge_number": _("Badge %(number)s belongs to another site.") % {"number": number}}
        )
    if badge.kind == BadgeKind.EMPLOYEE:
        raise ValidationError(
            {
                "badge_number": _("Badge %(number)s is an employee badge; give a visitor badge.")
                % {"number": number}
            }
        )
    check_issuable(badge, field="badge_number")
    return badge


@atomic_with_files
def visit_check_in(
    *,
    actor: Actor,
    site,
    kind=VisitorKind.VISITOR,
    full_name,
    company="",
    id_type=IdType.INE,
    id_number="",
    host=None,
    purpose,
    plates="",
    badge_number="",
    escort_required=False,
    escort_name="",
    privacy_notice_shown=False,
    photo=None,
) -> Visit:
    require_record_at(actor.membership, site)
    organization = actor.organization
    full_name = clean_text(full_name, "full_name", required=True, label=_("the full name"))
    purpose = clean_text(purpose, "purpose", required=True, label=_("the purpose of the visit"))
    check_member(actor, "host", host)
    policy = policy_for(organization)
    if policy.privacy_notice and not privacy_notice_shown:
        raise ValidationError(
            {"privacy_notice_shown": _("Show the privacy notice to the visitor and tick the box.")}
        )
    key = name_key(full_name)
    raw_id = normalize_id_number(id_number)
    _check_denied(organization, key, raw_id)
    _check_not_inside(site, key)
    if escort_required and not clean_text(escort_name, "escort_name"):
        raise ValidationError({"escort_name": _("Name the escort who goes with the visitor.")})
    badge = _gate_badge(organization, site, badge_number)
    now = timezone.now()
    visit = Visit(
        organization=organization,
        site=site,
        kind=kind,
        full_name=full_name,
        name_key=key,
        company=clean_text(company, "company"),
        id_type=id_type,
        id_number=masked_id_number(raw_id, policy.id_masking),
        host=host,
        purpose=purpose,
        plates=normalize_badge_number(plates),
        badge=badge,
        escort_required=bool(escort_required),
        escort_name=clean_text(escort_name, "escort_name"),
        privacy_notice_version=policy.version if policy.pk and policy.privacy_notice else None,
        checked_in_at=now,
        checked_in_by=actor.user,
    )
    if photo:
        store_upload(visit, photo, inspect_upload(photo, kind=PHOTO, field="photo"))
    try:
        with transaction.atomic():
            create_audited(
                actor=actor.user,
                organization=organization,
                instance=visit,
                verb="visit.checked_in",
                data={"name": full_name, "site": site.name},
            )
    except IntegrityError as error:  # a second submission that raced the first
        raise ValidationError(
            {
                "full_name": _("%(name)s is already checked in; nothing was recorded again.")
                % {"name": full_name}
            }
        ) from error
    if badge is not None:
        update_audited(
            actor=actor.user,
            organization=organization,
            instance=badge,
            changes={
                "status": BadgeStatus.ISSUED,
                "visit": visit,
                "holder_name": full_name,
                "holder_user": None,
                "employee_number": "",
                "issued_at": now,
            },
            verb="badge.issued",
            data={"badge": badge.number, "holder": full_name},
        )
    if host is not None:
        notify(
            organization=organization,
            users=[host],
            key=f"facilities.visit_arrived:{visit.pk}",
            title=gettext_lazy("%(name)s has arrived at %(site)s to see you"),
            body=gettext_lazy("Purpose: %(purpose)s"),
            params={"name": full_name, "site": site.name, "purpose": purpose},
            url=reverse("facilities:visit_detail", args=[visit.pk]),
        )
    return visit


def _check_out(*, actor: Actor, visit: Visit, badge_returned: bool) -> Visit:
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.checked_out_at is not None:
        raise ValidationError(
            _("%(name)s was already checked out at %(when)s; nothing was recorded again.")
            % {"name": visit.full_name, "when": _local(visit.checked_out_at)},
            code="not_inside",
        )
    now = timezone.now()
    update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=visit,
        changes={"checked_out_at": now, "checked_out_by": actor.user},
        verb="visit.checked_out",
        data={"name": visit.full_name, "site": visit.site.name},
    )
    if visit.badge_id is not None and badge_returned:
        badge = Badge.objects.select_for_update().get(pk=visit.badge_id)
        if badge.status == BadgeStatus.ISSUED and badge.visit_id == visit.pk:
            release_badge(actor=actor, badge=badge, now=now)
            visit.badge_returned_at = now
    return visit


@transaction.atomic
def visit_check_out(*, actor: Actor, visit: Visit, badge_returned: bool = True) -> Visit:
    """The visitor leaves. A badge not handed back stays out (and shows on the indicator)."""
    require_same_organization(actor.membership, visit, field="visit")
    require_record_at(actor.membership, visit.site)
    return _check_out(actor=actor, visit=visit, badge_returned=badge_returned)


@transaction.atomic
def visit_check_out_by_badge(*, actor: Actor, site, badge_number) -> Visit:
    """The visitor hands the badge back at the gate: check them out by its number."""
    require_record_at(actor.membership, site)
    number = normalize_badge_number(badge_number)
    visit = (
        Visit.objects.filter(
            organization=actor.organization,
            site=site,
            badge__number=number,
            checked_out_at__isnull=True,
        )
        .order_by("-checked_in_at")
        .first()
    )
    if visit is None:
        raise ValidationError(
            {
                "badge_number": _("Nobody checked in at %(site)s holds badge %(number)s.")
                % {"site": site.name, "number": number or "—"}
            },
            code="not_inside",
        )
    return _check_out(actor=actor, visit=visit, badge_returned=True)


@transaction.atomic
def gate_policy_save(
    *,
    actor: Actor,
    privacy_notice="",
    id_masking=IdMasking.LAST_FOUR,
    retention_days=365,
    expected_version: int | None = None,
) -> GatePolicy:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    if retention_days is None or retention_days < 30:
        raise ValidationError({"retention_days": _("Keep visitor records at least 30 days.")})
    values = {
        "privacy_notice": (privacy_notice or "").strip(),
        "id_masking": id_masking,
        "retention_days": retention_days,
    }
    policy = GatePolicy.objects.select_for_update().filter(organization=actor.organization).first()
    if policy is None:
        return create_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=GatePolicy(organization=actor.organization, **values),
            verb="gate_policy.saved",
        )
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=policy,
        changes=values,
        expected_version=expected_version,
        verb="gate_policy.saved",
    )


@transaction.atomic
def denied_person_add(*, actor: Actor, full_name, reason, id_number="", company="") -> DeniedPerson:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    full_name = clean_text(full_name, "full_name", required=True, label=_("the full name"))
    reason = clean_text(reason, "reason", required=True, label=_("the reason"))
    person = DeniedPerson(
        organization=actor.organization,
        full_name=full_name,
        name_key=name_key(full_name),
        id_number=normalize_id_number(id_number),
        company=clean_text(company, "company"),
        reason=reason,
        added_by=actor.user,
    )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=person,
        verb="denied_person.added",
        data={"name": full_name},
    )


@transaction.atomic
def denied_person_lift(*, actor: Actor, person: DeniedPerson) -> DeniedPerson:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, person, field="person")
    if not person.is_active:
        raise ValidationError(_("%(name)s is no longer on the list.") % {"name": person.full_name})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=person,
        changes={"is_active": False},
        verb="denied_person.lifted",
        data={"name": person.full_name},
    )
