"""Writes for partners' certifications (OEA/NEEC, C-TPAT, AEO, ISO 28000)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import create_audited, delete_audited, update_audited

from ..choices import CertificationProgram
from ..models import Certification
from .standing import partner_refresh_standing

FIELDS = frozenset(
    {
        "program",
        "modality",
        "ctpat_tier",
        "svi_number",
        "country",
        "certificate_number",
        "issued_on",
        "valid_until",
        "last_verified_on",
        "document",
        "notes",
    }
)


def _clean(data: dict, *, partner) -> dict:
    errors = {}
    program = data.get("program")
    if program not in CertificationProgram.values:
        errors["program"] = _("Choose the certification programme.")
    data["country"] = (data.get("country") or "").strip().upper()
    if program == CertificationProgram.OEA:
        data["country"] = "MX"
        if not data.get("modality"):
            errors["modality"] = _("Give the OEA modality.")
        if not data.get("valid_until"):
            errors["valid_until"] = _("An OEA certification has an expiry date.")
    else:
        data["modality"] = ""
    if program == CertificationProgram.CTPAT:
        data["country"] = "US"
        if not data.get("ctpat_tier"):
            errors["ctpat_tier"] = _("Give the C-TPAT tier.")
        if not (data.get("svi_number") or "").strip():
            errors["svi_number"] = _("Give the SVI number, used to check the status with CBP.")
    else:
        data["ctpat_tier"] = ""
    if program == CertificationProgram.AEO and len(data["country"]) != 2:
        errors["country"] = _("Give the two-letter code of the country that granted the AEO.")
    issued, until = data.get("issued_on"), data.get("valid_until")
    if issued and until and until < issued:
        errors["valid_until"] = _("The certification expires before it was issued.")
    document = data.get("document")
    if document is not None and document.partner_id != partner.pk:
        errors["document"] = _("The certificate copy must be one of this partner's documents.")
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic(durable=True)
def certification_create(*, actor: Actor, partner, **data) -> Certification:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    unknown = set(data) - FIELDS
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    data = _clean(dict(data), partner=partner)
    certification = create_audited(
        actor=actor,
        organization=actor.organization,
        instance=Certification(organization=actor.organization, partner=partner, **data),
    )
    partner_refresh_standing(actor=actor, partner=partner)
    return certification


@transaction.atomic(durable=True)
def certification_update(
    *, actor: Actor, certification, expected_version=None, **changes
) -> Certification:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, certification)
    unknown = set(changes) - FIELDS
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    merged = {name: getattr(certification, name) for name in FIELDS}
    merged.update(changes)
    merged = _clean(merged, partner=certification.partner)
    certification = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=certification,
        changes=merged,
        expected_version=expected_version,
    )
    partner_refresh_standing(actor=actor, partner=certification.partner)
    return certification


@transaction.atomic(durable=True)
def certification_delete(*, actor: Actor, certification) -> None:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, certification)
    partner = certification.partner
    delete_audited(actor=actor, organization=actor.organization, instance=certification)
    partner_refresh_standing(actor=actor, partner=partner)
