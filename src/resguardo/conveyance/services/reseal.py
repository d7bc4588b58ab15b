"""A unit's seal changes while it travels: a replacement seal of ours (with the reason), or a
seal customs put on after opening the unit in a reconocimiento aduanero. Either way the chain
of custody goes on: the old seal's removal and the new seal's placing name each other, and
the new seal is the one verified (VVTT) and removed from then on."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import atomic_with_files
from resguardo.core.identifiers import normalize_code
from resguardo.core.writes import create_audited

from ..choices import RemovalReason, ReplacementReason, SealEventKind, SealStatus
from ..models import Seal
from ..rules import next_status
from .common import record_event
from .custody import _apply, _require_recorder

# Seals customs places are not ours: they share one "manufacturer" in the uniqueness key.
CUSTOMS_MANUFACTURER_KEY = "aduana"


def _on_the_unit(seal) -> None:
    if seal.status not in (SealStatus.APPLIED, SealStatus.COMPROMISED):
        next_status(seal, SealEventKind.REMOVED)  # raises, saying why


@atomic_with_files
def seal_replace(
    *,
    actor: Actor,
    seal,
    new_seal,
    reason,
    photo=None,
    occurred_at=None,
    place="",
    note="",
    expected_version=None,
):
    """Take `seal` off its unit and put `new_seal` (issued to the member) on the same unit,
    logging why. The old seal's removal and the new seal's application link to each other."""
    seal = _require_recorder(actor.membership, seal)
    if reason not in ReplacementReason.values:
        raise ValidationError({"reason": [_("Say why the seal is replaced.")]})
    note = (note or "").strip()
    if reason == ReplacementReason.OTHER and not note:
        raise ValidationError({"note": [_("Describe the reason.")]})
    if new_seal is None:
        raise ValidationError({"new_seal": [_("Choose the replacement seal.")]})
    if new_seal.pk == seal.pk:
        raise ValidationError({"new_seal": [_("A seal cannot replace itself.")]})
    _on_the_unit(seal)
    if seal.shipment is None:
        raise ValidationError(_("The seal is on no shipment; apply the new seal directly."))
    occurred_at = occurred_at or timezone.now()
    removal = record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.REMOVED,
        occurred_at=occurred_at,
        removal_reason=RemovalReason.REPLACED,
        replacement_reason=reason,
        related_seal=new_seal,
        place=place.strip(),
        person_name=str(actor.user)[:200],
        shipment=seal.shipment,
        container=seal.container,
        unit_number=seal.unit_number,
        note=note,
        expected_version=expected_version,
    )
    _apply(
        actor=actor,
        seal=new_seal,
        shipment=seal.shipment,
        container=seal.container,
        photo=photo,
        occurred_at=occurred_at,
        place=place,
        person_name="",
        note=note,
        replacement_reason=reason,
        related_seal=seal,
    )
    return removal


@atomic_with_files
def seal_customs_recognition(
    *,
    actor: Actor,
    seal,
    act_number,
    customs_seal_number,
    occurred_at=None,
    place="",
    photo=None,
    note="",
    expected_version=None,
):
    """Customs opened the unit (reconocimiento aduanero) and closed it with its own seal:
    record our seal's removal with the act's number and the customs seal as the unit's
    current seal, so the VVTT checks after the crossing verify the customs seal."""
    seal = _require_recorder(actor.membership, seal)
    errors = {}
    act_number = (act_number or "").strip()
    if not act_number:
        errors["act_number"] = [_("Give the number of the act or document of the reconocimiento.")]
    number = normalize_code(customs_seal_number)
    if not number:
        errors["customs_seal_number"] = [_("Type the number of the seal customs placed.")]
    if errors:
        raise ValidationError(errors)
    _on_the_unit(seal)
    if Seal.objects.filter(
        organization=actor.organization, manufacturer_key=CUSTOMS_MANUFACTURER_KEY, number=number
    ).exists():
        raise ValidationError(
            {
                "customs_seal_number": [
                    _("The customs seal %(number)s is already recorded on another unit.")
                    % {"number": number}
                ]
            }
        )
    occurred_at = occurred_at or timezone.now()
    customs_seal = create_audited(
        actor=actor,
        organization=actor.organization,
        instance=Seal(
            organization=actor.organization,
            lot=None,
            placed_by_customs=True,
            number=number[:30],
            manufacturer_key=CUSTOMS_MANUFACTURER_KEY,
            site=seal.site,
            status=SealStatus.IN_STOCK,  # only until its first event, below
        ),
    )
    removal = record_event(
        actor=actor,
        seal=seal,
        kind=SealEventKind.REMOVED,
        occurred_at=occurred_at,
        removal_reason=RemovalReason.CUSTOMS_INSPECTION,
        document_number=act_number[:60],
        related_seal=customs_seal,
        place=place.strip(),
        photo=photo,
        person_name=_("Customs (reconocimiento aduanero)"),
        shipment=seal.shipment,
        container=seal.container,
        unit_number=seal.unit_number,
        note=note,
        expected_version=expected_version,
    )
    record_event(
        actor=actor,
        seal=customs_seal,
        kind=SealEventKind.CUSTOMS_SEALED,
        occurred_at=occurred_at,
        document_number=act_number[:60],
        related_seal=seal,
        place=place.strip(),
        person_name=_("Customs (reconocimiento aduanero)"),
        shipment=seal.shipment,
        container=seal.container,
        unit_number=seal.unit_number,
        note=note,
        seal_changes={
            "shipment": seal.shipment,
            "container": seal.container,
            "unit_number": seal.unit_number,
            "applied_at": occurred_at,
        },
    )
    return removal
