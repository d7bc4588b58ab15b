"""Writes for the partner registry: partners, addresses, contacts, documents, the policy."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import DOCUMENT, atomic_with_files, inspect_upload, store_upload
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.validators import GENERIC_RFCS, normalize_rfc, validate_rfc_format
from resguardo.core.writes import create_audited, delete_audited, update_audited

from ..choices import PartnerKind, PartnerStatus, RiskLevel, ScreeningTrigger
from ..identifiers import check_generic_rfc, is_shared_rfc
from ..models import Partner, PartnerAddress, PartnerContact, PartnerDocument, PartnerPolicy
from .common import policy_for
from .standing import partner_refresh_standing

SCREENED_FIELDS = frozenset({"legal_name", "trade_name", "rfc"})
PARTNER_FIELDS = frozenset(
    {
        "kind",
        "legal_name",
        "trade_name",
        "rfc",
        "tax_id",
        "country",
        "status",
        "since",
        "website",
        "notes",
    }
)


def _clean_identity(data: dict) -> dict:
    """Normalise and check name, RFC, foreign tax id and country (create and update)."""
    errors = {}
    if "legal_name" in data:
        data["legal_name"] = " ".join((data["legal_name"] or "").split())
        if not data["legal_name"]:
            errors["legal_name"] = _("Enter the partner's legal name.")
    if "trade_name" in data:
        data["trade_name"] = " ".join((data.get("trade_name") or "").split())
    if "country" in data:
        data["country"] = (data.get("country") or "MX").strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", data["country"]):
            errors["country"] = _("Use the two-letter country code (ISO 3166), e.g. MX, US.")
    if "tax_id" in data:
        data["tax_id"] = (data.get("tax_id") or "").strip().upper()
    if "rfc" in data:
        data["rfc"] = normalize_rfc(data.get("rfc") or "")
        if data["rfc"] and data["rfc"] not in GENERIC_RFCS:
            try:
                validate_rfc_format(data["rfc"])
            except ValidationError as error:
                errors["rfc"] = error.messages[0]
    if "kind" in data and data["kind"] not in PartnerKind.values:
        errors["kind"] = _("Choose a partner type.")
    if errors:
        raise ValidationError(errors)
    return data


def _require_identifiers(*, rfc, tax_id, country) -> None:
    if country == "MX" and not rfc:
        raise ValidationError({"rfc": _("A Mexican partner needs its RFC.")}, code="required")
    if not rfc and not tax_id:
        raise ValidationError(
            {"tax_id": _("Enter the RFC or, for a foreign partner, its tax id.")}, code="required"
        )
    check_generic_rfc(rfc=rfc, country=country, tax_id=tax_id)


def _rfc_taken(name) -> ValidationError:
    return ValidationError(
        {"rfc": _("A partner with this RFC is already registered: %(name)s.") % {"name": name}},
        code="duplicate",
    )


def _tax_id_taken(name) -> ValidationError:
    return ValidationError(
        {
            "tax_id": _("A partner with this tax id is already registered: %(name)s.")
            % {"name": name}
        },
        code="duplicate",
    )


def _check_identifiers(*, organization, rfc, tax_id, country, exclude_pk=None) -> None:
    _require_identifiers(rfc=rfc, tax_id=tax_id, country=country)
    others = Partner.objects.filter(organization=organization).exclude(pk=exclude_pk)
    if rfc and not is_shared_rfc(rfc):
        clash = others.filter(rfc=rfc).first()
        if clash is not None:
            raise _rfc_taken(clash.legal_name)
    if tax_id:
        clash = others.filter(tax_id=tax_id, country=country).first()
        if clash is not None:
            raise _tax_id_taken(clash.legal_name)


CLASH_BATCH = 900


def registered_identifier_clashes(*, organization, partners: list[Partner]) -> dict:
    """What `_check_identifiers` finds against the registered partners, for a batch of new
    ones with one query per 900 identifiers: {index in `partners`: ValidationError}."""
    registered = Partner.objects.filter(organization=organization).order_by()
    rfcs = sorted({p.rfc for p in partners if p.rfc and not is_shared_rfc(p.rfc)})
    by_rfc = {}
    for start in range(0, len(rfcs), CLASH_BATCH):
        chunk = rfcs[start : start + CLASH_BATCH]
        by_rfc.update(registered.filter(rfc__in=chunk).values_list("rfc", "legal_name"))
    tax_ids = sorted({p.tax_id for p in partners if p.tax_id})
    by_tax_id = {}
    for start in range(0, len(tax_ids), CLASH_BATCH):
        rows = registered.filter(tax_id__in=tax_ids[start : start + CLASH_BATCH]).values_list(
            "tax_id", "country", "legal_name"
        )
        by_tax_id.update({(tax_id, country): name for tax_id, country, name in rows})
    clashes = {}
    for index, partner in enumerate(partners):
        if partner.rfc and not is_shared_rfc(partner.rfc) and partner.rfc in by_rfc:
            clashes[index] = _rfc_taken(by_rfc[partner.rfc])
        elif partner.tax_id and (partner.tax_id, partner.country) in by_tax_id:
            clashes[index] = _tax_id_taken(by_tax_id[(partner.tax_id, partner.country)])
    return clashes


def _check_status(status, *, current=None) -> None:
    if status == PartnerStatus.BLOCKED and current != PartnerStatus.BLOCKED:
        raise ValidationError(
            {"status": _("Only a confirmed watchlist match blocks a partner. Suspend it instead.")}
        )
    if current == PartnerStatus.BLOCKED and status != PartnerStatus.BLOCKED:
        raise ValidationError(
            {
                "status": _(
                    "The partner is blocked by a confirmed watchlist match. Mark that hit as a "
                    "false "
                    "positive, with the reason, to lift the block."
                )
            }
        )


def prepare_partner(*, organization, data: dict) -> Partner:
    """An unsaved partner with its fields normalised and every check that needs no query:
    names, identifiers, status (the bulk import checks uniqueness for the whole file)."""
    unknown = set(data) - PARTNER_FIELDS
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    data = _clean_identity({"country": "MX", "rfc": "", "tax_id": "", "trade_name": "", **data})
    _check_status(data.get("status", PartnerStatus.ACTIVE))
    _require_identifiers(rfc=data["rfc"], tax_id=data["tax_id"], country=data["country"])
    return Partner(organization=organization, **data)


def build_partner(*, organization, data: dict) -> Partner:
    """A validated, unsaved partner."""
    partner = prepare_partner(organization=organization, data=data)
    _check_identifiers(
        organization=organization,
        rfc=partner.rfc,
        tax_id=partner.tax_id,
        country=partner.country,
    )
    partner.full_clean()
    return partner


@transaction.atomic
def partner_create(*, actor: Actor, screen: bool = True, **data) -> Partner:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    partner = create_audited(
        actor=actor,
        organization=actor.organization,
        instance=build_partner(organization=actor.organization, data=data),
    )
    if screen:
        from .screening import screen_partners

        screen_partners(
            partners=[partner],
            trigger=ScreeningTrigger.CREATED,
            actor=actor,
        )
        partner.refresh_from_db()
    return partner_refresh_standing(actor=actor, partner=partner)


@transaction.atomic(durable=True)
def partner_update(*, actor: Actor, partner, expected_version=None, **changes) -> Partner:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    unknown = set(changes) - PARTNER_FIELDS
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    changes = _clean_identity(dict(changes))
    if "status" in changes:
        _check_status(changes["status"], current=partner.status)
    merged = {
        name: changes.get(name, getattr(partner, name)) for name in ("rfc", "tax_id", "country")
    }
    _check_identifiers(organization=actor.organization, exclude_pk=partner.pk, **merged)
    rescreen = any(
        name in changes and changes[name] != getattr(partner, name) for name in SCREENED_FIELDS
    )
    partner = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=partner,
        changes=changes,
        expected_version=expected_version,
    )
    if rescreen:
        from .screening import screen_partners

        screen_partners(
            partners=[partner],
            trigger=ScreeningTrigger.CHANGED,
            actor=actor,
        )
        partner.refresh_from_db()
    return partner_refresh_standing(actor=actor, partner=partner)


@transaction.atomic(durable=True)
def partner_set_risk(*, actor: Actor, partner, level: str, reason: str = "") -> Partner:
    """Set the risk by hand (or clear it with level ""), always with a reason."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    reason = (reason or "").strip()
    if level and level not in RiskLevel.values:
        raise ValidationError({"level": _("Choose a risk level.")})
    if level and len(reason) < 10:
        raise ValidationError(
            {"reason": _("Explain in a sentence why you set the risk by hand.")}, code="reason"
        )
    partner = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=partner,
        changes={"risk_override": level or "", "risk_override_reason": reason if level else ""},
    )
    return partner_refresh_standing(actor=actor, partner=partner)


@transaction.atomic
def address_add(*, actor: Actor, partner, **data) -> PartnerAddress:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    data["country"] = (data.get("country") or partner.country or "MX").strip().upper()
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=PartnerAddress(organization=actor.organization, partner=partner, **data),
    )


@transaction.atomic
def contact_add(*, actor: Actor, partner, **data) -> PartnerContact:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=PartnerContact(organization=actor.organization, partner=partner, **data),
    )


@transaction.atomic(durable=True)
def partner_child_remove(*, actor: Actor, instance) -> None:
    """Remove an address or a contact (documents are kept: they are evidence)."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, instance)
    if not isinstance(instance, PartnerAddress | PartnerContact):
        raise ValidationError(_("Only addresses and contacts can be removed."))
    delete_audited(actor=actor, organization=actor.organization, instance=instance)


def _store_document(*, actor, organization, partner, upload, kind, title, **extra):
    """Inspect and store the upload; the caller runs in `atomic_with_files`."""
    inspected = inspect_upload(upload, kind=DOCUMENT, field="file")
    document = PartnerDocument(
        organization=organization,
        partner=partner,
        kind=kind,
        title=(title or inspected.name).strip()[:200],
        uploaded_by=actor.user,
        **extra,
    )
    store_upload(document, upload, inspected)
    return create_audited(actor=actor, organization=organization, instance=document)


@atomic_with_files
def document_upload(
    *, actor: Actor, partner, upload, kind, title="", signed_on=None, valid_until=None
) -> PartnerDocument:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    if valid_until and signed_on and valid_until < signed_on:
        raise ValidationError({"valid_until": _("The document expires before it was signed.")})
    return _store_document(
        actor=actor,
        organization=actor.organization,
        partner=partner,
        upload=upload,
        kind=kind,
        title=title,
        signed_on=signed_on,
        valid_until=valid_until,
    )


POLICY_FIELDS = frozenset(
    {
        "review_months_high",
        "review_months_medium",
        "review_months_low",
        "certification_required_kinds",
        "certification_warning_days",
        "questionnaire_valid_days",
        "reminder_interval_days",
        "max_reminders",
        "name_match_threshold",
    }
)


@transaction.atomic(durable=True)
def policy_update(*, actor: Actor, expected_version=None, **changes) -> PartnerPolicy:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    unknown = set(changes) - POLICY_FIELDS
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    errors = {}
    for name in ("review_months_high", "review_months_medium", "review_months_low"):
        if name in changes and not 1 <= int(changes[name]) <= 36:
            errors[name] = _("Between 1 and 36 months.")
    if "name_match_threshold" in changes and not 80 <= int(changes["name_match_threshold"]) <= 100:
        errors["name_match_threshold"] = _("Between 80 and 100.")
    if (
        "questionnaire_valid_days" in changes
        and not 1 <= int(changes["questionnaire_valid_days"]) <= 90
    ):
        errors["questionnaire_valid_days"] = _("Between 1 and 90 days.")
    kinds = changes.get("certification_required_kinds")
    if kinds is not None and set(kinds) - set(PartnerKind.values):
        errors["certification_required_kinds"] = _("Unknown partner type.")
    if errors:
        raise ValidationError(errors)
    policy = policy_for(actor.organization)
    if policy.pk is None:
        for name, value in changes.items():
            setattr(policy, name, value)
        policy = create_audited(actor=actor, organization=actor.organization, instance=policy)
    else:
        policy = update_audited(
            actor=actor,
            organization=actor.organization,
            instance=policy,
            changes=changes,
            expected_version=expected_version,
        )
    from ..tasks import refresh_partner_standing

    organization_id = actor.organization.pk
    transaction.on_commit(lambda: refresh_partner_standing.enqueue(organization_id=organization_id))
    return policy
