"""e.firma and sellos digitales custody: the register and the log of each use or hand-over."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.validators import normalize_rfc
from resguardo.core.writes import create_audited, update_audited

from ..choices import CredentialEventKind, CredentialStatus
from ..models import CredentialEvent, DigitalCredential
from .common import acting, changed, require_member, require_not_future, require_own


def _check_dates(valid_from, expires_on) -> None:
    if valid_from is not None:
        require_not_future(valid_from, field="valid_from")
    if expires_on.year < 2000 or expires_on.year > 2100:
        raise ValidationError({"expires_on": _("Check the year of the expiry.")}, code="year")
    if valid_from and expires_on and expires_on <= valid_from:
        raise ValidationError(
            {"expires_on": _("The expiry must come after the start of validity.")},
            code="order",
        )


def _check_serial(organization, kind, serial_number, exclude=None) -> None:
    same = DigitalCredential.objects.filter(
        organization=organization, kind=kind, serial_number=serial_number
    )
    if exclude is not None:
        same = same.exclude(pk=exclude.pk)
    if same.exists():
        raise ValidationError(
            {"serial_number": _("A credential with this certificate number is registered.")},
            code="duplicate",
        )


@transaction.atomic
def credential_register(
    *,
    actor,
    kind,
    holder,
    serial_number,
    location,
    expires_on,
    holder_rfc="",
    custodian=None,
    valid_from=None,
    notes="",
) -> DigitalCredential:
    organization = acting(actor)
    require_member(actor, custodian, field="custodian")
    _check_dates(valid_from, expires_on)
    serial_number = serial_number.strip()
    _check_serial(organization, kind, serial_number)
    credential = create_audited(
        actor=actor.user,
        organization=organization,
        instance=DigitalCredential(
            organization=organization,
            kind=kind,
            holder=holder,
            holder_rfc=normalize_rfc(holder_rfc) if holder_rfc else "",
            serial_number=serial_number,
            custodian=custodian,
            location=location,
            valid_from=valid_from,
            expires_on=expires_on,
            notes=notes,
        ),
    )
    return credential


# The custodian changes only through a logged hand-over; the status through a logged
# renewal or revocation.
EDITABLE = (
    "holder",
    "holder_rfc",
    "serial_number",
    "location",
    "valid_from",
    "expires_on",
    "notes",
)


@transaction.atomic
def credential_update(*, actor, credential, expected_version=None, **changes):
    organization = acting(actor)
    require_own(actor, credential, field="credential", message=_("Unknown credential."))
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(
            _("These fields change through the log: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    if changes.get("holder_rfc"):
        changes["holder_rfc"] = normalize_rfc(changes["holder_rfc"])
    _check_dates(
        changes.get("valid_from", credential.valid_from),
        changes.get("expires_on", credential.expires_on),
    )
    _check_serial(
        organization,
        credential.kind,
        changes.get("serial_number", credential.serial_number),
        exclude=credential,
    )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=credential,
        changes=changed(credential, changes),
        expected_version=expected_version,
    )


@transaction.atomic
def credential_log(
    *,
    actor,
    credential,
    kind,
    purpose,
    occurred_at=None,
    to_custodian=None,
    location="",
    new_expires_on=None,
) -> CredentialEvent:
    """Log a use, custody check, hand-over (to_custodian, optionally a new place), renewal
    (new_expires_on) or revocation; the credential's custodian, place, expiry or status
    follow in the same transaction."""
    organization = acting(actor)
    require_own(actor, credential, field="credential", message=_("Unknown credential."))
    occurred_at = occurred_at or timezone.now()
    require_not_future(occurred_at, field="occurred_at")
    if credential.status != CredentialStatus.ACTIVE and kind != CredentialEventKind.CHECK:
        raise ValidationError(
            _("This credential is no longer in force: only custody checks can be logged."),
            code="not_active",
        )
    changes: dict = {}
    if kind == CredentialEventKind.TRANSFER:
        if to_custodian is None:
            raise ValidationError({"to_custodian": _("Say who receives it.")}, code="required")
        require_member(actor, to_custodian, field="to_custodian")
        if to_custodian.pk == credential.custodian_id:
            raise ValidationError(
                {"to_custodian": _("This person already holds it.")}, code="same_custodian"
            )
        changes["custodian"] = to_custodian
        if location:
            changes["location"] = location
    elif kind == CredentialEventKind.RENEWAL:
        if (
            new_expires_on is None
            or new_expires_on <= credential.expires_on
            or new_expires_on.year > 2100
        ):
            raise ValidationError(
                {"new_expires_on": _("Give the new expiry, later than the current one.")},
                code="required",
            )
        changes["expires_on"] = new_expires_on
    elif kind == CredentialEventKind.REVOCATION:
        changes["status"] = CredentialStatus.REVOKED
    event = create_audited(
        actor=actor.user,
        organization=organization,
        instance=CredentialEvent(
            organization=organization,
            credential=credential,
            kind=kind,
            occurred_at=occurred_at,
            purpose=purpose,
            from_custodian_id=credential.custodian_id,
            to_custodian=changes.get("custodian"),
            recorded_by=actor.user,
        ),
        verb=f"infosec_credential.{kind}",
        data={"credential": str(credential)},
    )
    if changes:
        update_audited(
            actor=actor.user, organization=organization, instance=credential, changes=changes
        )
    return event
