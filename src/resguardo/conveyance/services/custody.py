"""The chain of custody of one seal: issue, return, apply, verify (VVTT), remove, destroy,
void. Every step is an append-only SealEvent checked against the seal's state."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.dates import local_datetime_text
from resguardo.core.files import atomic_with_files
from resguardo.core.identifiers import format_container_number, normalize_code
from resguardo.core.permissions import require_record_at, require_same_organization
from resguardo.shipments.choices import ShipmentStatus

from ..choices import (
    MISSING_VOID_REASONS,
    Checkpoint,
    DiscrepancyKind,
    InspectionStatus,
    RemovalReason,
    SealClass,
    SealEventKind,
    SealStatus,
    VoidReason,
)
from ..models import Inspection, Seal
from ..permissions import require_supervisor_at
from ..rules import next_status
from .common import record_event, resolve_person
from .discrepancies import discrepancy_record


def _require_recorder(membership, seal) -> Seal:
    """Check the member may record at the seal's site; return the seal as stored now
    (locked), so the rules below never judge a stale copy."""
    require_same_organization(membership, seal)
    require_record_at(membership, seal.site)
    return _fresh(seal)


def _fresh(seal) -> Seal:
    return (
        Seal.objects.select_related("lot", "shipment", "site")
        .select_for_update(of=("self",))
        .get(pk=seal.pk)
    )


@transaction.atomic(durable=True)
def seal_issue(
    *,
    actor: Actor,
    seals,
    person=None,
    person_name="",
    occurred_at=None,
    note="",
) -> list:
    """Hand seals from stock to a named person (who will apply them)."""
    seals = list(seals)
    if not seals:
        raise ValidationError(_("Choose the seals to issue."))
    person, name = resolve_person(actor.membership, person, person_name)
    if not name:
        raise ValidationError({"person_name": [_("Say who receives the seals.")]})
    events = []
    for seal in seals:
        seal = _require_recorder(actor.membership, seal)
        events.append(
            record_event(
                actor=actor,
                seal=seal,
                kind=SealEventKind.ISSUED,
                occurred_at=occurred_at,
                person=person,
                person_name=name,
                note=note,
                seal_changes={"holder": person, "holder_name": name},
            )
        )
    return events


@transaction.atomic(durable=True)
def seal_return(*, actor: Actor, seal, occurred_at=None, note="", expected_version=None):
    seal = _require_recorder(actor.membership, seal)
    return record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.RETURNED,
        occurred_at=occurred_at,
        note=note,
        expected_version=expected_version,
        person=seal.holder,
        person_name=seal.holder_name,
        seal_changes={"holder": None, "holder_name": ""},
    )


def _unit_for(shipment, container):
    if container is not None:
        if container.shipment_id != shipment.pk:
            raise ValidationError(
                {"container": [_("This container does not belong to the shipment.")]}
            )
        return container.number
    if not shipment.trailer_number:
        raise ValidationError(
            {
                "container": [
                    _(
                        "The shipment has no trailer number: choose one of its containers or "
                        "record the trailer number on the shipment first."
                    )
                ]
            }
        )
    return shipment.trailer_number


def _held_by(shipment, container, unit):
    """The inspection that holds the unit, if any: an open hold (a failed point the supervisor
    has not decided on) whatever was inspected after it, else the latest inspection when the
    supervisor rejected the unit. Only the supervisor's decision ends a hold: a later passed
    inspection by staff does not.

    The gate often inspects a unit before anyone knows its pedimento, so an inspection
    counts when it names the unit's number even if it is not linked to the shipment."""
    inspections = Inspection.objects.filter(organization_id=shipment.organization_id)
    if container is not None:
        same_unit = Q(container=container)
    else:
        same_unit = Q(shipment=shipment, container__isnull=True)
    inspections = inspections.filter(same_unit | Q(unit_number=normalize_code(unit)))
    newest_first = inspections.order_by("-inspected_at", "-id")
    open_hold = newest_first.filter(status=InspectionStatus.HELD).first()
    if open_hold is not None:
        return open_hold
    latest = newest_first.first()
    return latest if latest is not None and latest.holds_unit else None


@atomic_with_files
def seal_apply(
    *,
    actor: Actor,
    seal,
    shipment,
    container=None,
    photo=None,
    occurred_at=None,
    place="",
    person_name="",
    note="",
    expected_version=None,
):
    """Put an issued seal on a container or the trailer of a shipment, with a photo."""
    return _apply(
        actor=actor,
        seal=seal,
        shipment=shipment,
        container=container,
        photo=photo,
        occurred_at=occurred_at,
        place=place,
        person_name=person_name,
        note=note,
        expected_version=expected_version,
    )


def _apply(
    *,
    actor: Actor,
    seal,
    shipment,
    container,
    photo,
    occurred_at,
    place,
    person_name,
    note,
    expected_version=None,
    **event_fields,
):
    seal = _require_recorder(actor.membership, seal)
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    if container is not None:
        require_same_organization(actor.membership, container)
    next_status(seal, SealEventKind.APPLIED)  # out-of-order events are refused first
    if shipment.status == ShipmentStatus.CANCELLED:
        raise ValidationError({"shipment": [_("The shipment is cancelled.")]})
    if seal.lot.iso_class != SealClass.HIGH_SECURITY:
        raise ValidationError(
            _(
                "Seal %(number)s is class %(cls)s. Containers and trailers must be sealed with "
                "ISO 17712 class H (high security) seals."
            )
            % {"number": seal.number, "cls": seal.lot.iso_class},
            code="seal_class",
        )
    unit = _unit_for(shipment, container)
    held = _held_by(shipment, container, unit)
    if held is not None:
        raise ValidationError(
            _(
                "The unit %(unit)s is held: its inspection of %(when)s has failed points "
                "(%(status)s). A supervisor must release it before it is sealed."
            )
            % {
                "unit": format_container_number(unit),
                "when": local_datetime_text(held.inspected_at),
                "status": held.get_status_display(),
            },
            code="unit_held",
        )
    if photo is None:
        raise ValidationError({"photo": [_("Take a photo of the seal on the unit.")]})
    occurred_at = occurred_at or timezone.now()
    return record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.APPLIED,
        occurred_at=occurred_at,
        place=place.strip(),
        photo=photo,
        person=seal.holder,
        person_name=(person_name or seal.holder_name or str(actor.user))[:200],
        shipment=shipment,
        container=container,
        unit_number=unit,
        note=note,
        expected_version=expected_version,
        seal_changes={
            "shipment": shipment,
            "container": container,
            "unit_number": unit,
            "applied_at": occurred_at,
        },
        **event_fields,
    )


def _verification_problems(seal, shipment, *, view_ok, verify_ok, tug_ok, twist_ok, number):
    """[(kind, text)] for every failed VVTT step, the most serious first."""
    problems = []
    if not tug_ok or not twist_ok:
        problems.append(
            (DiscrepancyKind.BROKEN, _("The seal does not hold when tugged or turns when twisted."))
        )
    if not view_ok:
        problems.append(
            (DiscrepancyKind.TAMPERED, _("Signs of tampering on the seal or the locking hardware."))
        )
    if number != seal.number:
        problems.append(
            (
                DiscrepancyKind.NUMBER_MISMATCH,
                _("The number read on the seal is %(read)s; the log says %(number)s.")
                % {"read": number, "number": seal.number},
            )
        )
    documents = shipment.document_seal_numbers if shipment is not None else []
    # A seal customs placed is in its act of reconocimiento, not in the shipment's documents.
    if documents and seal.number not in documents and not seal.placed_by_customs:
        problems.append(
            (
                DiscrepancyKind.NUMBER_MISMATCH,
                _("The documents of the shipment list %(docs)s, not %(number)s.")
                % {"docs": ", ".join(documents), "number": seal.number},
            )
        )
    if not verify_ok and not any(k == DiscrepancyKind.NUMBER_MISMATCH for k, _t in problems):
        problems.append(
            (
                DiscrepancyKind.NUMBER_MISMATCH,
                _("The inspector found that the number does not match the documents."),
            )
        )
    return problems


def _describe_first(problems, seal, number) -> ValidationError:
    """Before a failure is recorded (it compromises the seal for good), say what the system
    found, so a mistyped number can still be corrected."""
    errors = {
        NON_FIELD_ERRORS: [text for _kind, text in problems],
        "note": [_("Describe what you found.")],
    }
    if number != seal.number:
        errors["number_read"] = [
            _(
                "The log says %(number)s. Correct the number if you misread it; otherwise "
                "describe what you found."
            )
            % {"number": seal.number}
        ]
    return ValidationError(errors)


@atomic_with_files
def seal_verify(
    *,
    actor: Actor,
    seal,
    checkpoint,
    view_ok,
    verify_ok,
    tug_ok,
    twist_ok,
    number_read,
    place="",
    occurred_at=None,
    photo=None,
    note="",
    expected_version=None,
):
    """VVTT at a checkpoint: View, Verify the number, Tug, Twist. Any failure compromises the
    seal and becomes a discrepancy published for the incidents module."""
    seal = _require_recorder(actor.membership, seal)
    next_status(seal, SealEventKind.VERIFIED)
    if checkpoint not in Checkpoint.values:
        raise ValidationError({"checkpoint": [_("Choose the checkpoint.")]})
    number = normalize_code(number_read)
    if not number:
        raise ValidationError({"number_read": [_("Type the number you read on the seal.")]})
    problems = _verification_problems(
        seal,
        seal.shipment,
        view_ok=view_ok,
        verify_ok=verify_ok,
        tug_ok=tug_ok,
        twist_ok=twist_ok,
        number=number,
    )
    if problems and not (note or "").strip():
        raise _describe_first(problems, seal, number)
    number_matches = all(kind != DiscrepancyKind.NUMBER_MISMATCH for kind, _t in problems)
    event = record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.VERIFIED,
        occurred_at=occurred_at,
        checkpoint=checkpoint,
        place=place.strip(),
        view_ok=bool(view_ok),
        verify_ok=number_matches,
        tug_ok=bool(tug_ok),
        twist_ok=bool(twist_ok),
        number_read=number,
        photo=photo,
        shipment=seal.shipment,
        container=seal.container,
        unit_number=seal.unit_number,
        person_name=str(actor.user)[:200],
        person=actor.user,
        note=note,
        expected_version=expected_version,
        seal_changes={"status": SealStatus.COMPROMISED} if problems else None,
    )
    if problems:
        description = " ".join(text for _k, text in problems)
        if note:
            description = f"{description} {note.strip()}"
        discrepancy_record(
            actor=actor,
            organization=actor.organization,
            kind=problems[0][0],
            description=description,
            site=seal.site,
            occurred_at=event.occurred_at,
            seal=event.seal,
            shipment=seal.shipment,
            event=event,
        )
    return event


@atomic_with_files
def seal_remove(
    *,
    actor: Actor,
    seal,
    reason,
    occurred_at=None,
    place="",
    person_name="",
    photo=None,
    note="",
    expected_version=None,
):
    seal = _require_recorder(actor.membership, seal)
    if reason not in RemovalReason.values:
        raise ValidationError({"reason": [_("Say why the seal was removed.")]})
    if reason in (RemovalReason.OTHER, RemovalReason.DAMAGED) and not (note or "").strip():
        raise ValidationError({"note": [_("Describe the reason.")]})
    return record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.REMOVED,
        occurred_at=occurred_at,
        removal_reason=reason,
        place=place.strip(),
        photo=photo,
        person_name=(person_name or str(actor.user))[:200],
        shipment=seal.shipment,
        container=seal.container,
        unit_number=seal.unit_number,
        note=note,
        expected_version=expected_version,
    )


@transaction.atomic(durable=True)
def seal_destroy(*, actor: Actor, seals, witness=None, occurred_at=None, note=""):
    """Destroy used or voided seals: a supervisor, before a witness who is another member of
    the organization (both recorded on every seal's last event)."""
    seals = list(seals)
    if not seals:
        raise ValidationError(_("Choose the seals to destroy."))
    if witness is None:
        raise ValidationError({"witness": [_("Choose the member who witnessed the destruction.")]})
    witness, witness_name = resolve_person(actor.membership, witness)
    if witness.pk == actor.user.pk:
        raise ValidationError(
            {"witness": [_("The witness must be another person, not the one destroying.")]}
        )
    if not (note or "").strip():
        raise ValidationError({"note": [_("Say how the seals were destroyed.")]})
    events = []
    for seal in seals:
        require_same_organization(actor.membership, seal)
        require_supervisor_at(actor.membership, seal.site)
        seal = _fresh(seal)
        events.append(
            record_event(
                actor=actor,
                seal=seal,
                kind=SealEventKind.DESTROYED,
                occurred_at=occurred_at,
                note=note,
                witness=witness,
                person=witness,
                person_name=witness_name,
                seal_changes={"holder": None, "holder_name": ""},
            )
        )
    return events


@transaction.atomic(durable=True)
def seal_void(*, actor: Actor, seal, reason, occurred_at=None, note="", expected_version=None):
    """Take an unused seal out of use. A lost or stolen seal could be used to reseal a
    tampered unit: it is blocked for good (applying it is refused by the rules), recorded as a
    discrepancy and counted by the seal audits."""
    require_same_organization(actor.membership, seal)
    require_supervisor_at(actor.membership, seal.site)
    seal = _fresh(seal)
    if reason not in VoidReason.values:
        raise ValidationError({"reason": [_("Choose the reason.")]})
    if not (note or "").strip():
        raise ValidationError({"note": [_("Describe what happened.")]})
    event = record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.VOIDED,
        occurred_at=occurred_at,
        void_reason=reason,
        note=note,
        person=seal.holder,
        person_name=seal.holder_name,
        expected_version=expected_version,
    )
    if reason in MISSING_VOID_REASONS:
        if reason == VoidReason.STOLEN:
            description = _("Seal reported stolen: %(note)s") % {"note": note.strip()}
        else:
            description = _("Seal reported lost: %(note)s") % {"note": note.strip()}
        discrepancy_record(
            actor=actor,
            organization=actor.organization,
            kind=DiscrepancyKind.MISSING,
            description=description,
            site=seal.site,
            occurred_at=event.occurred_at,
            seal=event.seal,
            event=event,
        )
    return event
