"""Periodic partner reviews (4.3) and their findings, which become action items."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.events import publish
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.selectors import member_user_list
from resguardo.core.writes import create_audited, update_audited

from ..choices import FindingSeverity, FindingStatus, ReviewKind, ReviewOutcome
from ..events import PartnerFindingRecorded
from ..models import PartnerReview, ReviewFinding
from .common import add_months, policy_for
from .standing import partner_refresh_standing

FINDING_FIELDS = ("description", "severity", "action", "owner", "due_on")


def _check_owner(owner, membership) -> None:
    if (
        owner is not None
        and not member_user_list(membership=membership).filter(pk=owner.pk).exists()
    ):
        raise ValidationError({"owner": _("The owner must be a member of the organization.")})


def _clean_finding(data: dict, membership, *, row: int | None = None) -> dict:
    prefix = _("Finding %(n)s: ") % {"n": row} if row else ""
    errors = []
    description = (data.get("description") or "").strip()
    action = (data.get("action") or "").strip()
    if not description:
        errors.append(prefix + _("describe the finding."))
    if not action:
        errors.append(prefix + _("say what must be done."))
    if not data.get("due_on"):
        errors.append(prefix + _("give a due date."))
    if data.get("severity", FindingSeverity.MEDIUM) not in FindingSeverity.values:
        errors.append(prefix + _("choose a severity."))
    if errors:
        raise ValidationError({"findings": errors})
    _check_owner(data.get("owner"), membership)
    return {
        "description": description,
        "action": action,
        "severity": data.get("severity") or FindingSeverity.MEDIUM,
        "owner": data.get("owner"),
        "due_on": data["due_on"],
    }


def _create_finding(*, actor: Actor, review, data) -> ReviewFinding:
    finding = create_audited(
        actor=actor,
        organization=actor.organization,
        instance=ReviewFinding(
            organization=actor.organization, review=review, partner=review.partner, **data
        ),
    )
    publish(
        PartnerFindingRecorded(
            organization_id=actor.organization.pk,
            finding_id=finding.pk,
            partner_id=review.partner_id,
            description=finding.description,
            severity=finding.severity,
            due_on=finding.due_on.isoformat(),
        )
    )
    return finding


@transaction.atomic(durable=True)
def review_record(
    *,
    actor: Actor,
    partner,
    outcome,
    summary,
    kind=ReviewKind.PERIODIC,
    performed_on=None,
    certification_checked=False,
    report=None,
    findings=(),
) -> PartnerReview:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, partner)
    performed_on = performed_on or timezone.localdate()
    errors = {}
    if performed_on > timezone.localdate():
        errors["performed_on"] = _("A review cannot be recorded in the future.")
    if outcome not in ReviewOutcome.values:
        errors["outcome"] = _("Choose the outcome.")
    if kind not in ReviewKind.values:
        errors["kind"] = _("Choose the kind of review.")
    if not (summary or "").strip():
        errors["summary"] = _("Summarise what was reviewed and found.")
    if report is not None and report.partner_id != partner.pk:
        errors["report"] = _("The report must be one of this partner's documents.")
    findings = [f for f in findings if any(f.get(k) for k in ("description", "action"))]
    if outcome == ReviewOutcome.SATISFACTORY and findings:
        errors["outcome"] = _("The review has findings: choose “Satisfactory with findings”.")
    if outcome in (ReviewOutcome.WITH_FINDINGS, ReviewOutcome.UNSATISFACTORY) and not findings:
        errors["findings"] = _("Record at least one finding with its action.")
    if errors:
        raise ValidationError(errors)
    cleaned = [_clean_finding(f, actor.membership, row=i) for i, f in enumerate(findings, start=1)]
    policy = policy_for(actor.organization)
    review = create_audited(
        actor=actor,
        organization=actor.organization,
        instance=PartnerReview(
            organization=actor.organization,
            partner=partner,
            kind=kind,
            performed_on=performed_on,
            reviewer=actor.user,
            outcome=outcome,
            summary=summary.strip(),
            certification_checked=certification_checked,
            report=report,
            next_due=add_months(performed_on, policy.review_months(partner.effective_risk)),
        ),
    )
    for data in cleaned:
        _create_finding(actor=actor, review=review, data=data)
    partner = partner_refresh_standing(actor=actor, partner=partner)
    if review.next_due != partner.next_review_due and partner.next_review_due:
        review = update_audited(
            actor=actor,
            organization=actor.organization,
            instance=review,
            changes={"next_due": partner.next_review_due},
        )
    return review


@transaction.atomic(durable=True)
def finding_add(*, actor: Actor, review, **data) -> ReviewFinding:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, review)
    finding = _create_finding(
        actor=actor, review=review, data=_clean_finding(data, actor.membership)
    )
    partner_refresh_standing(actor=actor, partner=review.partner)
    return finding


@transaction.atomic(durable=True)
def finding_close(*, actor: Actor, finding, closing_note, closed_on=None) -> ReviewFinding:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, finding)
    if finding.status == FindingStatus.DONE:
        raise ValidationError(_("This finding is already closed."), code="closed")
    if not (closing_note or "").strip():
        raise ValidationError({"closing_note": _("Say how the finding was resolved.")})
    finding = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=finding,
        changes={
            "status": FindingStatus.DONE,
            "closed_on": closed_on or timezone.localdate(),
            "closing_note": closing_note.strip(),
        },
    )
    partner_refresh_standing(actor=actor, partner=finding.partner)
    return finding
