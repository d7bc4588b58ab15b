"""Selection decisions with their criteria checklist (4.1) and security agreements (4.2)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..catalog import selection_catalog
from ..choices import CriterionResult, PartnerStatus, SelectionOutcome, Verdict
from ..models import Partner, ScreeningHit, SecurityAgreement, SelectionDecision
from .standing import partner_refresh_standing


def screening_criterion_result(partner) -> str:
    """The list criterion answers itself from the screening: met only when the partner was
    screened and no hit is open or confirmed."""
    if partner.last_screened_at is None:
        return CriterionResult.NOT_MET
    hits = ScreeningHit.objects.filter(partner=partner, is_current=True, informative=False)
    if (
        hits.filter(decision__isnull=True).exists()
        or hits.filter(decision__verdict=Verdict.TRUE_MATCH).exists()
    ):
        return CriterionResult.NOT_MET
    return CriterionResult.MET


def _clean_answers(partner, answers: dict) -> dict:
    criteria = selection_catalog().criteria_for(partner.kind)
    cleaned, errors = {}, []
    for criterion in criteria:
        given = answers.get(criterion.code) or {}
        result = given.get("result")
        if criterion.automatic == "screening":
            result = screening_criterion_result(partner)
        if result not in CriterionResult.values:
            errors.append(criterion.text.get())
            continue
        cleaned[criterion.code] = {
            "result": result,
            "note": (given.get("note") or "").strip()[:500],
        }
    if errors:
        raise ValidationError(
            {
                "answers": _("Answer every criterion. Missing: %(list)s")
                % {"list": "; ".join(errors)}
            }
        )
    return cleaned


@transaction.atomic(durable=True)
def selection_decide(
    *, actor: Actor, partner, outcome, answers, rationale="", conditions="", decided_on=None
) -> SelectionDecision:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    if outcome not in SelectionOutcome.values:
        raise ValidationError({"outcome": _("Choose a decision.")})
    cleaned = _clean_answers(partner, answers or {})
    required = {c.code: c for c in selection_catalog().criteria_for(partner.kind) if c.required}
    unmet = [
        required[code].text.get()
        for code, answer in cleaned.items()
        if code in required and answer["result"] == CriterionResult.NOT_MET
    ]
    rationale, conditions = (rationale or "").strip(), (conditions or "").strip()
    if outcome == SelectionOutcome.APPROVED and unmet:
        raise ValidationError(
            {
                "outcome": _(
                    "Required criteria are not met, so the partner cannot be approved outright: "
                    "%(list)s. Approve with conditions or reject."
                )
                % {"list": "; ".join(unmet)}
            }
        )
    if outcome == SelectionOutcome.APPROVED and partner.status == PartnerStatus.BLOCKED:
        raise ValidationError({"outcome": _("A blocked partner cannot be approved.")})
    if outcome == SelectionOutcome.CONDITIONAL and not conditions:
        raise ValidationError({"conditions": _("Write the conditions and their deadline.")})
    if outcome != SelectionOutcome.APPROVED and not rationale:
        raise ValidationError({"rationale": _("Explain the decision.")})
    decision = create_audited(
        actor=actor,
        organization=actor.organization,
        verb=f"partner.selection_{str(outcome)}",
        data={"partner": str(partner)},
        instance=SelectionDecision(
            organization=actor.organization,
            partner=partner,
            outcome=outcome,
            answers=cleaned,
            rationale=rationale,
            conditions=conditions,
            decided_by=actor.user,
            decided_on=decided_on or timezone.localdate(),
        ),
    )
    partner = Partner.objects.get(pk=partner.pk)
    if outcome != SelectionOutcome.REJECTED and partner.status == PartnerStatus.PROSPECT:
        partner = update_audited(
            actor=actor,
            organization=actor.organization,
            instance=partner,
            changes={"status": PartnerStatus.ACTIVE},
        )
    partner_refresh_standing(actor=actor, partner=partner)
    return decision


def _clean_agreement(partner, data: dict) -> dict:
    errors = {}
    known = {r.code for r in selection_catalog().requirements}
    codes = list(dict.fromkeys(data.get("requirement_codes") or []))
    if set(codes) - known:
        errors["requirement_codes"] = _("Unknown requirement.")
    data["requirement_codes"] = codes
    data["title"] = (data.get("title") or "").strip()
    if not data["title"]:
        errors["title"] = _("Give the agreement a title.")
    if not codes and not (data.get("other_requirements") or "").strip():
        errors["requirement_codes"] = _("Choose at least one requirement or describe them.")
    signed, until = data.get("signed_on"), data.get("valid_until")
    if signed and until and until < signed:
        errors["valid_until"] = _("The agreement expires before it was signed.")
    document = data.get("document")
    if document is not None and document.partner_id != partner.pk:
        errors["document"] = _("The signed document must be one of this partner's documents.")
    if signed and document is None:
        errors["document"] = _("Attach the signed document (upload it to the partner first).")
    if errors:
        raise ValidationError(errors)
    return data


AGREEMENT_FIELDS = frozenset(
    {"title", "requirement_codes", "other_requirements", "signed_on", "valid_until", "document"}
)


@transaction.atomic(durable=True)
def agreement_create(*, actor: Actor, partner, **data) -> SecurityAgreement:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    if set(data) - AGREEMENT_FIELDS:
        raise ValidationError(_("Unknown fields."))
    data = _clean_agreement(partner, dict(data))
    return create_audited(
        actor=actor,
        organization=actor.organization,
        instance=SecurityAgreement(organization=actor.organization, partner=partner, **data),
    )


@transaction.atomic(durable=True)
def agreement_update(
    *, actor: Actor, agreement, expected_version=None, **changes
) -> SecurityAgreement:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, agreement)
    if set(changes) - AGREEMENT_FIELDS:
        raise ValidationError(_("Unknown fields."))
    merged = {name: getattr(agreement, name) for name in AGREEMENT_FIELDS}
    merged.update(changes)
    merged = _clean_agreement(agreement.partner, merged)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=agreement,
        changes=merged,
        expected_version=expected_version,
    )
