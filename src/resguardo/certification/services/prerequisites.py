"""What the organization records about each prerequisite (the lists are screened apart)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.files import atomic_with_files
from resguardo.core.writes import create_audited, update_audited

from ..choices import DocumentKind, PrerequisiteKind
from ..models import Prerequisite
from .common import manager, require_past_or_today, store_document

# Which dates each prerequisite needs: (issued_on, valid_until)
NEEDS_DATES = {
    PrerequisiteKind.PATENTE: (False, False),
    PrerequisiteKind.OPINION_32D: (True, True),
    PrerequisiteKind.EFIRMA: (False, True),
    PrerequisiteKind.SELLOS: (False, True),
    PrerequisiteKind.BUZON: (False, False),
}


@atomic_with_files
def prerequisite_record(
    *,
    actor,
    kind,
    is_positive,
    issued_on=None,
    valid_until=None,
    reference="",
    notes="",
    upload=None,
    expected_version=None,
) -> Prerequisite:
    organization = manager(actor)
    if kind not in PrerequisiteKind.values:
        raise ValidationError({"kind": [_("Unknown prerequisite.")]})
    needs_issued, needs_valid = NEEDS_DATES[PrerequisiteKind(kind)]
    errors = {}
    if needs_issued and issued_on is None:
        errors["issued_on"] = [_("Give the date of the opinión de cumplimiento.")]
    if needs_valid and valid_until is None:
        errors["valid_until"] = [_("Give the date it stops being valid.")]
    if issued_on and valid_until and valid_until < issued_on:
        errors["valid_until"] = [_("The validity cannot end before the date it was issued.")]
    if errors:
        raise ValidationError(errors)
    require_past_or_today("issued_on", issued_on, _("The date cannot be in the future."))
    values = {
        "is_positive": is_positive,
        "issued_on": issued_on,
        "valid_until": valid_until,
        "reference": (reference or "").strip(),
        "notes": (notes or "").strip(),
    }
    record = Prerequisite.objects.filter(organization=organization, kind=kind).first()
    if record is None:
        record = create_audited(
            actor=actor.user,
            organization=organization,
            instance=Prerequisite(organization=organization, kind=kind, **values),
            verb="certification.prerequisite_recorded",
            data={"kind": kind},
        )
    else:
        update_audited(
            actor=actor.user,
            organization=organization,
            instance=record,
            changes=values,
            expected_version=expected_version,
            verb="certification.prerequisite_recorded",
            data={"kind": kind},
        )
    if upload is not None:
        store_document(
            actor=actor,
            organization=organization,
            upload=upload,
            kind=DocumentKind.PREREQUISITE,
            field="upload",
            title=record.get_kind_display(),
            prerequisite=record,
        )
    return record


@transaction.atomic
def listing_check_now(*, actor):
    """A member asks for the lists to be checked again now."""
    from ..choices import ListingTrigger
    from .listing import listing_check

    organization = manager(actor)
    return listing_check(organization=organization, trigger=ListingTrigger.MANUAL, actor=actor)
