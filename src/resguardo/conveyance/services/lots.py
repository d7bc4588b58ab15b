"""Receiving a lot of seals into the inventory."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.identifiers import normalize_code
from resguardo.core.permissions import require_record_at
from resguardo.core.writes import create_audited

from ..choices import SealClass, SealEventKind, SealStatus
from ..models import Seal, SealEvent, SealLot

MAX_LOT_SIZE = 10_000
MAX_NUMBER_LENGTH = 30


def manufacturer_key(name: str) -> str:
    return " ".join((name or "").split()).upper()


def _received_at(received_on) -> datetime.datetime:
    now = timezone.now()
    if received_on >= timezone.localdate(now):
        return now
    noon = datetime.datetime.combine(received_on, datetime.time(12))
    return timezone.make_aware(noon)


def _check_range(*, first_number, last_number, prefix, digits, received_on):
    errors = {}
    if first_number is None or last_number is None or first_number < 0:
        errors["first_number"] = [_("Give the first and last numbers of the lot.")]
    elif last_number < first_number:
        errors["last_number"] = [_("The last number is smaller than the first.")]
    elif last_number - first_number + 1 > MAX_LOT_SIZE:
        errors["last_number"] = [
            _("A lot has at most %(n)s seals; this range has %(count)s.")
            % {"n": MAX_LOT_SIZE, "count": last_number - first_number + 1}
        ]
    elif len(prefix) + max(digits, len(str(last_number))) > MAX_NUMBER_LENGTH:
        errors["prefix"] = [_("Seal numbers can have at most 30 characters.")]
    if received_on and received_on > timezone.localdate():
        errors["received_on"] = [_("The date is in the future.")]
    if errors:
        raise ValidationError(errors)


def _taken(organization, key, numbers: list[str]) -> list[str]:
    found = []
    for start in range(0, len(numbers), 900):
        found.extend(
            Seal.objects.filter(
                organization=organization,
                manufacturer_key=key,
                number__in=numbers[start : start + 900],
            )
            .order_by()
            .values_list("number", flat=True)
        )
    return sorted(found)


@transaction.atomic(durable=True)
def seal_lot_receive(
    *,
    actor: Actor,
    site,
    manufacturer,
    iso_class,
    first_number,
    last_number,
    received_on,
    storage_place,
    prefix="",
    digits=None,
    certificate="",
    purchase_order="",
    notes="",
) -> SealLot:
    """Register a lot: one Seal row per number, each with its 'received' event."""
    require_record_at(actor.membership, site)
    organization = actor.organization
    prefix = normalize_code(prefix)
    digits = max(int(digits or 0), len(str(last_number or 0)))
    if iso_class not in SealClass.values:
        raise ValidationError({"iso_class": [_("Choose the ISO 17712 class of the seals.")]})
    if not (manufacturer or "").strip():
        raise ValidationError({"manufacturer": [_("Fill in this field.")]})
    if not (storage_place or "").strip():
        raise ValidationError({"storage_place": [_("Say where the seals are kept.")]})
    _check_range(
        first_number=first_number,
        last_number=last_number,
        prefix=prefix,
        digits=digits,
        received_on=received_on,
    )
    key = manufacturer_key(manufacturer)
    lot = SealLot(
        organization=organization,
        site=site,
        manufacturer=manufacturer.strip(),
        manufacturer_key=key,
        iso_class=iso_class,
        prefix=prefix,
        first_number=first_number,
        last_number=last_number,
        digits=digits,
        received_on=received_on,
        received_by=actor.user,
        storage_place=storage_place.strip(),
        certificate=certificate.strip(),
        purchase_order=purchase_order.strip(),
        notes=(notes or "").strip(),
    )
    numbers = [lot.label(n) for n in range(first_number, last_number + 1)]
    taken = _taken(organization, key, numbers)
    if taken:
        shown = ", ".join(taken[:5])
        more = len(taken) - 5
        raise ValidationError(
            {
                "first_number": [
                    _(
                        "These seal numbers of %(maker)s are already in your inventory: "
                        "%(numbers)s%(more)s. A seal number can only be received once."
                    )
                    % {
                        "maker": lot.manufacturer,
                        "numbers": shown,
                        "more": _(" and %(n)s more") % {"n": more} if more > 0 else "",
                    }
                ]
            },
            code="duplicate",
        )
    create_audited(actor=actor, organization=organization, instance=lot, verb="seal_lot.received")
    when = _received_at(received_on)
    seals = Seal.objects.bulk_create(
        [
            Seal(
                organization=organization,
                lot=lot,
                number=number,
                manufacturer_key=key,
                site=site,
                status=SealStatus.IN_STOCK,
                event_count=1,
                last_event_at=when,
            )
            for number in numbers
        ],
        batch_size=2000,
    )
    SealEvent.objects.bulk_create(
        [
            SealEvent(
                organization=organization,
                seal=seal,
                sequence=1,
                kind=SealEventKind.RECEIVED,
                occurred_at=when,
                recorded_by=actor.user,
                site=site,
                place=lot.storage_place,
                person=actor.user,
                person_name=str(actor.user)[:200],
                note=_("Lot %(lot)s") % {"lot": f"{lot.first_label}–{lot.last_label}"},
            )
            for seal in seals
        ],
        batch_size=2000,
    )
    return lot
