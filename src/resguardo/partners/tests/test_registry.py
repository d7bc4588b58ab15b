"""The partner registry: identity rules, risk with its explanation, certifications,
selection, agreements, reviews and the policy."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.models import AuditEntry
from resguardo.core.validators import rfc_check_digit

from .. import services
from ..catalog import selection_catalog
from ..choices import (
    CertificationProgram,
    CertificationStatus,
    CriterionResult,
    PartnerKind,
    PartnerStatus,
    ReviewOutcome,
    RiskLevel,
    SelectionOutcome,
)
from ..risk import describe_factor
from .factories import create_partner, import_fixture

TODAY = timezone.localdate


def _days(n):
    return TODAY() + datetime.timedelta(days=n)


def test_malformed_rfc_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        create_partner(world, rfc="ABC12345")
    assert "not a valid RFC" in refused.value.message_dict["rfc"][0]


def test_wrong_check_digit_only_warns(world):
    body = "TPN0906302B"
    wrong = body + ("0" if rfc_check_digit(body + "0") != "0" else "1")
    partner = create_partner(world, rfc=wrong)
    assert partner.pk and "check digit" in partner.rfc_warning


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"rfc": ""}, "rfc", "needs its RFC"),
        ({"rfc": "XAXX010101000"}, "rfc", "generic RFC"),
        ({"rfc": "", "country": "US"}, "tax_id", "tax id"),
        ({"country": "Mexico"}, "country", "two-letter"),
        ({"status": PartnerStatus.BLOCKED}, "status", "Only a confirmed watchlist match"),
    ],
)
def test_identity_rules(world, data, field, message):
    with pytest.raises(ValidationError) as refused:
        create_partner(world, **data)
    assert message in " ".join(refused.value.message_dict[field])


def test_duplicate_rfc_in_the_same_organization(world):
    first = create_partner(world)
    with pytest.raises(ValidationError, match="already registered"):
        create_partner(world, rfc=first.rfc)
    other = services.partner_create(
        actor=world.actor(world.oscar),
        kind="client",
        legal_name="Same RFC elsewhere",
        rfc=first.rfc,
    )
    assert other.organization == world.other_org


def test_foreign_partner_with_tax_id(world):
    partner = create_partner(
        world, rfc="", country="us", tax_id="98-7654321", kind=PartnerKind.FORWARDER
    )
    assert partner.country == "US" and partner.tax_identifier == "98-7654321 (US)"
    assert (
        any(f["code"] == "country_foreign" for f in partner.risk_factors) is False
    )  # US is low risk


def test_only_compliance_roles_manage_partners(world):
    with pytest.raises(PermissionDenied):
        services.partner_create(
            actor=world.actor(world.sofia),
            kind="client",
            legal_name="X",
            rfc="",
        )
    with pytest.raises(PermissionDenied):
        services.partner_create(
            actor=world.actor(world.audrey),
            kind="client",
            legal_name="X",
            rfc="",
        )


def test_risk_is_explained(world):
    partner = create_partner(world, kind=PartnerKind.CARRIER, country="MX")
    codes = {f["code"]: f["points"] for f in partner.risk_factors}
    assert codes["kind"] == 20 and codes["certification_missing"] == 15
    assert partner.risk_score == sum(codes.values())
    texts = [describe_factor(f) for f in partner.risk_factors]
    assert "Partner type: Carrier" in texts
    assert partner.next_review_due == partner.created_at.date() + datetime.timedelta(days=30)


def test_high_risk_country(world):
    partner = create_partner(world, rfc="", country="IR", tax_id="IR-1")
    assert partner.risk_level == RiskLevel.HIGH
    assert "sanctions" in " ".join(describe_factor(f) for f in partner.risk_factors)


def test_risk_set_by_hand_needs_a_reason_and_keeps_the_computed_one(world, carla_membership):
    partner = create_partner(world)
    with pytest.raises(ValidationError, match="why"):
        services.partner_set_risk(
            actor=Actor.for_member(carla_membership), partner=partner, level="high"
        )
    partner = services.partner_set_risk(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        level="high",
        reason="Client under investigation by the press.",
    )
    assert partner.effective_risk == "high" and partner.risk_level != "high"


def test_certification_lowers_risk_and_warns_before_expiry(world, carla_membership):
    partner = create_partner(world, kind=PartnerKind.CARRIER)
    before = partner.risk_score
    cert = services.certification_create(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        program=CertificationProgram.OEA,
        modality="carrier",
        valid_until=_days(30),
    )
    partner.refresh_from_db()
    assert partner.risk_score == before - 15 - 15  # certified instead of "missing"
    assert cert.status == CertificationStatus.EXPIRING
    cert.valid_until = _days(-1)
    assert cert.status == CertificationStatus.EXPIRED


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"program": "oea"}, "modality"),
        ({"program": "ctpat", "ctpat_tier": "2"}, "svi_number"),
        ({"program": "aeo"}, "country"),
        (
            {
                "program": "oea",
                "modality": "carrier",
                "issued_on": _days(0),
                "valid_until": _days(-5),
            },
            "valid_until",
        ),
    ],
)
def test_certification_rules(world, carla_membership, data, field):
    partner = create_partner(world)
    with pytest.raises(ValidationError) as refused:
        services.certification_create(
            actor=Actor.for_member(carla_membership), partner=partner, **data
        )
    assert field in refused.value.message_dict


def test_ctpat_without_expiry_is_valid_while_verified(world, carla_membership):
    partner = create_partner(world, kind=PartnerKind.CARRIER)
    cert = services.certification_create(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        program="ctpat",
        ctpat_tier="2",
        svi_number="SVI-1",
        last_verified_on=_days(-400),
    )
    assert cert.status == CertificationStatus.UNVERIFIED


def _answers(partner, result=CriterionResult.MET):
    return {c.code: {"result": result} for c in selection_catalog().criteria_for(partner.kind)}


def test_selection_cannot_approve_with_unmet_required_criteria(world, carla_membership):
    import_fixture()
    partner = create_partner(world, status=PartnerStatus.PROSPECT)
    answers = _answers(partner)
    answers["SEL-ENC"] = {"result": CriterionResult.NOT_MET}
    with pytest.raises(ValidationError, match="Encargo conferido"):
        services.selection_decide(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            outcome=SelectionOutcome.APPROVED,
            answers=answers,
        )
    decision = services.selection_decide(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        outcome=SelectionOutcome.CONDITIONAL,
        answers=answers,
        conditions="Signed encargo within 10 days.",
        rationale="Long-standing client.",
    )
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.ACTIVE
    assert decision.answers["SEL-LIST"]["result"] == CriterionResult.MET  # from the screening
    assert any(f["code"] == "selection_conditional" for f in partner.risk_factors)


def test_the_list_criterion_is_not_met_before_any_screening(world, carla_membership):
    partner = create_partner(world)
    answers = _answers(partner)
    with pytest.raises(ValidationError, match="SAT lists"):
        services.selection_decide(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            outcome=SelectionOutcome.APPROVED,
            answers=answers,
        )


def test_agreement_signed_needs_its_document(world, carla_membership):
    partner = create_partner(world, kind=PartnerKind.CARRIER)
    with pytest.raises(ValidationError) as refused:
        services.agreement_create(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            title="Convenio",
            requirement_codes=["REQ-SEALS"],
            signed_on=_days(0),
        )
    assert "document" in refused.value.message_dict
    agreement = services.agreement_create(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        title="Convenio",
        requirement_codes=["REQ-SEALS", "REQ-GPS"],
    )
    assert not agreement.is_signed


def test_review_sets_next_due_from_risk_and_policy(world, carla_membership):
    services.policy_update(
        actor=Actor.for_member(carla_membership),
        review_months_low=18,
        review_months_medium=9,
        review_months_high=3,
    )
    partner = create_partner(world)
    level = partner.effective_risk
    review = services.review_record(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        outcome=ReviewOutcome.SATISFACTORY,
        summary="Documents reviewed.",
        performed_on=_days(-10),
    )
    partner.refresh_from_db()
    months = {"low": 18, "medium": 9, "high": 3}[level]
    assert partner.next_review_due == services.add_months(_days(-10), months) == review.next_due


def test_findings_become_action_items(world, carla_membership):
    partner = create_partner(world)
    with pytest.raises(ValidationError, match="finding"):
        services.review_record(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            outcome=ReviewOutcome.WITH_FINDINGS,
            summary="Visit",
        )
    review = services.review_record(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        outcome=ReviewOutcome.WITH_FINDINGS,
        summary="Visit to the yard.",
        findings=[
            {
                "description": "No CCTV at dock 3",
                "action": "Install a camera",
                "severity": "high",
                "due_on": _days(15),
                "owner": world.sam,
            }
        ],
    )
    finding = review.findings.get()
    assert finding.owner == world.sam and finding.status == "open"
    partner.refresh_from_db()
    assert any(f["code"] == "open_findings" for f in partner.risk_factors)
    services.finding_close(
        actor=Actor.for_member(carla_membership),
        finding=finding,
        closing_note="Camera installed, photo received.",
    )
    partner.refresh_from_db()
    assert not any(f["code"] == "open_findings" for f in partner.risk_factors)


def test_review_cannot_be_in_the_future_or_owned_by_an_outsider(world, carla_membership):
    partner = create_partner(world)
    with pytest.raises(ValidationError, match="future"):
        services.review_record(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            outcome="satisfactory",
            summary="x",
            performed_on=_days(3),
        )
    with pytest.raises(ValidationError, match="member"):
        services.review_record(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            outcome="with_findings",
            summary="x",
            findings=[
                {"description": "d", "action": "a", "due_on": _days(3), "owner": world.oscar}
            ],
        )


def test_every_write_is_audited(world):
    partner = create_partner(world)
    entries = AuditEntry.objects.filter(
        organization=world.org, object_type="partners.partner", object_id=str(partner.pk)
    )
    assert entries.filter(action="create").exists()


def test_policy_validation(world, carla_membership):
    with pytest.raises(ValidationError) as refused:
        services.policy_update(actor=Actor.for_member(carla_membership), name_match_threshold=70)
    assert "name_match_threshold" in refused.value.message_dict
