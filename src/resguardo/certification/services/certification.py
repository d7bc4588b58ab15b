"""The certification record, its renewals, documents and the people it names."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.files import atomic_with_files
from resguardo.core.permissions import require_own_site
from resguardo.core.validators import validate_rfc
from resguardo.core.writes import create_audited, update_audited

from ..choices import (
    AvisoTrigger,
    CertificationStatus,
    DocumentKind,
    ListingTrigger,
    RenewalStatus,
    RepresentativeRole,
)
from ..models import Certification, Renewal, Representative
from .common import manager, require_past_or_today, store_document

CERTIFICATION_FIELDS = (
    "program",
    "modality",
    "resolution_number",
    "granted_on",
    "expires_on",
    "status",
    "notes",
)


def _check_term(*, granted_on, expires_on, status) -> None:
    errors = {}
    if granted_on and granted_on > timezone.localdate():
        errors["granted_on"] = [_("The grant date cannot be in the future.")]
    if granted_on and expires_on and expires_on <= granted_on:
        errors["expires_on"] = [_("The expiry date must come after the grant date.")]
    if status != CertificationStatus.IN_PROCESS and not (granted_on and expires_on):
        field = "granted_on" if not granted_on else "expires_on"
        errors.setdefault(field, []).append(
            _("A certification that is not in process needs its grant and expiry dates.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def certification_create(*, actor, site=None, **fields) -> Certification:
    organization = manager(actor)
    require_own_site(actor.membership, site)
    unknown = set(fields) - set(CERTIFICATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    certification = Certification(organization=organization, site=site, **fields)
    _check_term(
        granted_on=certification.granted_on,
        expires_on=certification.expires_on,
        status=certification.status,
    )
    if Certification.objects.filter(organization=organization, site=site).exists():
        raise ValidationError(
            {"site": [_("There is already a certification record for this scope.")]}
        )
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=certification,
        verb="certification.recorded",
        data={"scope": str(site or "")},
    )


@transaction.atomic
def certification_update(*, actor, certification, expected_version=None, **changes):
    organization = manager(actor)
    unknown = set(changes) - set(CERTIFICATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    merged = {f: changes.get(f, getattr(certification, f)) for f in CERTIFICATION_FIELDS}
    _check_term(
        granted_on=merged["granted_on"], expires_on=merged["expires_on"], status=merged["status"]
    )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=certification,
        changes=changes,
        expected_version=expected_version,
    )


@atomic_with_files
def certification_document_add(*, actor, certification, upload, kind, title=""):
    organization = manager(actor)
    if kind not in (DocumentKind.RESOLUTION, DocumentKind.OTHER):
        raise ValidationError({"kind": [_("Choose the resolution or another document.")]})
    return store_document(
        actor=actor,
        organization=organization,
        upload=upload,
        kind=kind,
        title=title,
        certification=certification,
    )


@transaction.atomic
def renewal_file(*, actor, certification, filed_on, folio) -> Renewal:
    """The renewal request was filed: the certification shows "renewal filed"."""
    organization = manager(actor)
    errors = {}
    if not (folio or "").strip():
        errors["folio"] = [_("Give the folio of the filing.")]
    if filed_on is None:
        errors["filed_on"] = [_("Give the date the renewal was filed.")]
    if errors:
        raise ValidationError(errors)
    require_past_or_today("filed_on", filed_on, _("The filed date cannot be in the future."))
    if certification.status not in (
        CertificationStatus.GRANTED,
        CertificationStatus.REQUIREMENT_OPEN,
    ):
        raise ValidationError(
            {"filed_on": [_("Only a granted certification can be renewed.")]}, code="status"
        )
    if certification.renewals.filter(status=RenewalStatus.FILED).exists():
        raise ValidationError({"folio": [_("A renewal is already filed and awaiting its acuse.")]})
    renewal = create_audited(
        actor=actor.user,
        organization=organization,
        instance=Renewal(
            organization=organization,
            certification=certification,
            filed_on=filed_on,
            folio=folio.strip(),
            previous_expires_on=certification.expires_on,
            filed_by=actor.user,
        ),
        verb="certification.renewal_filed",
        data={"folio": folio.strip()},
    )
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=certification,
        changes={"status": CertificationStatus.RENEWAL_FILED},
    )
    from .profile import profile_filing_record

    profile_filing_record(
        actor=actor, site=certification.site, request_type="renovacion", filed_on=filed_on
    )
    return renewal


@atomic_with_files
def renewal_acknowledge(
    *, actor, renewal, acknowledged_on, new_expires_on, upload, resolution_number=""
) -> Renewal:
    """The authority's acuse arrived: keep it, and the certification runs a new term."""
    organization = manager(actor)
    certification = renewal.certification
    if renewal.status != RenewalStatus.FILED:
        raise ValidationError({"acknowledged_on": [_("This renewal is already acknowledged.")]})
    errors = {}
    if acknowledged_on is None:
        errors["acknowledged_on"] = [_("Give the date of the acuse.")]
    elif acknowledged_on < renewal.filed_on:
        errors["acknowledged_on"] = [_("The acuse cannot come before the filing.")]
    elif acknowledged_on > timezone.localdate():
        errors["acknowledged_on"] = [_("The acuse date cannot be in the future.")]
    if new_expires_on is None or (
        certification.expires_on and new_expires_on <= certification.expires_on
    ):
        errors["new_expires_on"] = [_("The new expiry must come after the current expiry.")]
    if upload is None:
        errors["upload"] = [_("Attach the acuse.")]
    if errors:
        raise ValidationError(errors)
    store_document(
        actor=actor,
        organization=organization,
        upload=upload,
        kind=DocumentKind.RENEWAL_ACUSE,
        field="upload",
        title=_("Renewal acuse %(folio)s") % {"folio": renewal.folio},
        certification=certification,
        renewal=renewal,
    )
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=renewal,
        changes={
            "status": RenewalStatus.RENEWED,
            "acknowledged_on": acknowledged_on,
            "new_expires_on": new_expires_on,
            "resolution_number": (resolution_number or "").strip(),
        },
        verb="certification.renewed",
        data={"folio": renewal.folio, "expires_on": str(new_expires_on)},
    )
    changes = {"status": CertificationStatus.GRANTED, "expires_on": new_expires_on}
    if resolution_number:
        changes["resolution_number"] = resolution_number.strip()
    update_audited(
        actor=actor.user, organization=organization, instance=certification, changes=changes
    )
    return renewal


_ROLE_TRIGGERS = {
    RepresentativeRole.LEGAL_REPRESENTATIVE: (
        AvisoTrigger.REPRESENTATIVE_ADDED,
        AvisoTrigger.REPRESENTATIVE_REMOVED,
    ),
    RepresentativeRole.MANDATARIO: (
        AvisoTrigger.MANDATARIO_ADDED,
        AvisoTrigger.MANDATARIO_REMOVED,
    ),
}


@transaction.atomic
def representative_add(*, actor, full_name, rfc, role, appointed_on=None) -> Representative:
    """Record a legal representative or mandatario: their RFC is screened at once and a
    change aviso is proposed."""
    from .avisos import change_aviso_propose
    from .listing import listing_check

    organization = manager(actor)
    rfc = (rfc or "").strip().upper()
    errors = {}
    if not (full_name or "").strip():
        errors["full_name"] = [_("Give the person's full name.")]
    try:
        validate_rfc(rfc)
    except ValidationError as error:
        errors["rfc"] = error.messages
    if role not in RepresentativeRole.values:
        errors["role"] = [_("Choose legal representative or mandatario.")]
    if errors:
        raise ValidationError(errors)
    require_past_or_today(
        "appointed_on", appointed_on, _("The appointment date cannot be in the future.")
    )
    if Representative.objects.filter(
        organization=organization, rfc=rfc, role=role, removed_on__isnull=True
    ).exists():
        raise ValidationError({"rfc": [_("This person is already recorded in this role.")]})
    person = create_audited(
        actor=actor.user,
        organization=organization,
        instance=Representative(
            organization=organization,
            full_name=full_name.strip(),
            rfc=rfc,
            role=role,
            appointed_on=appointed_on,
        ),
        verb="certification.representative_added",
        data={"name": full_name.strip(), "role": role},
    )
    change_aviso_propose(
        organization=organization,
        trigger=_ROLE_TRIGGERS[role][0],
        source_key=f"certification.representative:{person.pk}:added",
        description=_("%(role)s added: %(name)s (RFC %(rfc)s).")
        % {"role": person.get_role_display(), "name": person.full_name, "rfc": rfc},
        changed_on=appointed_on or timezone.localdate(),
        actor=actor,
    )
    listing_check(organization=organization, trigger=ListingTrigger.PEOPLE_CHANGED)
    return person


@transaction.atomic
def representative_remove(*, actor, representative, removed_on) -> Representative:
    from .avisos import change_aviso_propose

    organization = manager(actor)
    if removed_on is None:
        raise ValidationError({"removed_on": [_("Give the date the person left the role.")]})
    require_past_or_today("removed_on", removed_on, _("The date cannot be in the future."))
    if representative.removed_on is not None:
        raise ValidationError({"removed_on": [_("This person was already removed.")]})
    if representative.appointed_on and removed_on < representative.appointed_on:
        raise ValidationError({"removed_on": [_("The date comes before the appointment.")]})
    update_audited(
        actor=actor.user,
        organization=organization,
        instance=representative,
        changes={"removed_on": removed_on},
        verb="certification.representative_removed",
        data={"name": representative.full_name, "role": representative.role},
    )
    change_aviso_propose(
        organization=organization,
        trigger=_ROLE_TRIGGERS[representative.role][1],
        source_key=f"certification.representative:{representative.pk}:removed",
        description=_("%(role)s removed: %(name)s (RFC %(rfc)s).")
        % {
            "role": representative.get_role_display(),
            "name": representative.full_name,
            "rfc": representative.rfc,
        },
        changed_on=removed_on,
        actor=actor,
    )
    return representative
