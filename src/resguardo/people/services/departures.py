"""Departures (8.2): record the date and reason; Resguardo access goes at once and the rest
(customs gafetes, badges, keys, seals, accounts) is gathered from every module into a checklist that
must be worked through before the policy's deadline."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.events import publish
from resguardo.core.modules import held_items
from resguardo.core.security_events import SecurityEventKind
from resguardo.core.writes import create_audited, update_audited

from ..choices import DepartureReason, ItemOutcome, PersonStatus
from ..events import DepartureItemMissing
from ..models import Departure, DepartureItem, Person
from ..selectors import policy_get
from .common import own, require_active, require_personnel
from .holdings import customs_badge_items, customs_badge_resolve, revoke_resguardo_access


def _check_departure(person, left_at, reason):
    if left_at is None:
        raise ValidationError({"left_at": [_("Give the date and time the person left.")]})
    if timezone.is_naive(left_at):
        left_at = timezone.make_aware(left_at)
    if left_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError(
            {"left_at": [_("Record the departure when it happens: this time is in the future.")]}
        )
    if timezone.localtime(left_at).date() < person.hire_date:
        raise ValidationError(
            {
                "left_at": [
                    _("The departure (%(left)s) is before the hire date (%(hired)s).")
                    % {"left": timezone.localtime(left_at).date(), "hired": person.hire_date}
                ]
            },
            code="before_hire",
        )
    if reason not in DepartureReason.values:
        raise ValidationError({"reason": [_("Choose the reason for the departure.")]})
    return left_at


@transaction.atomic
def departure_record(*, actor, person, left_at, reason, note="") -> Departure:
    require_personnel(actor)
    own(actor, person, "person")
    person = Person.objects.select_for_update().get(pk=person.pk)
    require_active(person)
    left_at = _check_departure(person, left_at, reason)
    organization = actor.organization
    now = timezone.now()
    hours = policy_get(organization=organization).offboarding_hours
    departure = create_audited(
        actor=actor.user,
        organization=organization,
        instance=Departure(
            organization=organization,
            person=person,
            left_at=left_at,
            reason=reason,
            note=(note or "").strip(),
            deadline=left_at + datetime.timedelta(hours=hours),
            recorded_by=actor.user,
        ),
        verb="person.departed",
        data={"person": person.full_name},
    )
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=person,
        changes={
            "status": PersonStatus.DEPARTED,
            "departed_on": timezone.localtime(left_at).date(),
        },
    )
    for revoked in revoke_resguardo_access(actor=actor, person=person):
        _item(
            actor,
            departure,
            revoked.key,
            "",
            revoked.kind,
            revoked.label,
            "",
            outcome=ItemOutcome.REVOKED,
            resolved_at=now,
        )
    from_modules = held_items(
        organization=organization,
        user=person.user,
        employee_number=person.employee_number,
        full_name=person.full_name,
    )
    for held in [*customs_badge_items(actor=actor, person=person), *from_modules]:
        _item(actor, departure, held.key, held.module, str(held.kind), str(held.label), held.url)
    _complete_if_done(actor, departure, now)
    return departure


def _item(
    actor, departure, key, module, kind, label, url, outcome=ItemOutcome.PENDING, resolved_at=None
):
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=DepartureItem(
            organization=actor.organization,
            departure=departure,
            key=key[:120],
            module=module,
            kind=kind[:80],
            label=label[:200],
            url=url[:300],
            outcome=outcome,
            resolved_at=resolved_at,
            resolved_by=actor.user if resolved_at else None,
        ),
    )


def _complete_if_done(actor, departure, now) -> None:
    if (
        departure.completed_at is None
        and not departure.items.filter(outcome=ItemOutcome.PENDING).exists()
    ):
        update_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=departure,
            changes={"completed_at": now},
            verb="departure.completed",
            data={"person": departure.person.full_name},
        )


@transaction.atomic
def departure_item_resolve(*, actor, item, outcome, note="", expected_version=None):
    """Record that one item came back, was revoked, or is missing (a missing item is reported
    as a security event for the incidents module)."""
    require_personnel(actor)
    own(actor, item, None)
    if outcome not in (ItemOutcome.RETURNED, ItemOutcome.REVOKED, ItemOutcome.MISSING):
        raise ValidationError({"outcome": [_("Choose returned, revoked or missing.")]})
    if item.outcome != ItemOutcome.PENDING:
        raise ValidationError(_("This item is already recorded."), code="resolved")
    note = (note or "").strip()
    if outcome == ItemOutcome.MISSING and not note:
        raise ValidationError({"note": [_("Say what is known about the missing item.")]})
    now = timezone.now()
    departure = Departure.objects.select_for_update().get(pk=item.departure_id)
    item = update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=item,
        changes={
            "outcome": outcome,
            "resolved_at": now,
            "resolved_by": actor.user,
            "note": note[:300],
        },
        expected_version=expected_version,
        verb=f"departure_item.{outcome}",
        data={"item": item.label, "person": departure.person.full_name},
    )
    customs_badge_resolve(actor=actor, key=item.key, lost=outcome == ItemOutcome.MISSING)
    if outcome == ItemOutcome.MISSING:
        publish(
            DepartureItemMissing(
                organization_id=actor.organization.pk,
                source_key=f"people.departure_item:{item.pk}",
                kind=SecurityEventKind.UNAUTHORIZED_ACCESS,
                summary=_("%(item)s not returned by %(person)s after leaving: %(note)s")
                % {"item": item.label, "person": departure.person.full_name, "note": note},
                site_id=departure.person.site_id,
                occurred_at=now,
                url=reverse("people:departure_detail", args=[departure.pk]),
                reported_by_id=getattr(actor.user, "pk", None),
            )
        )
    _complete_if_done(actor, departure, now)
    return item
