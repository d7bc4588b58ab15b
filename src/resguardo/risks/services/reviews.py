"""The signed review of the register: freeze what it holds, say what changed, restart the clock."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, require_perm
from resguardo.core.writes import create_audited

from ..models import RegisterReview, Risk
from ..scale import level_of, scale_for
from .common import check_own, user_label

# What a change to a frozen risk is judged on (the fields shown in the comparison).
COMPARED = (
    "title",
    "site",
    "process",
    "threat_id",
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "treatment",
    "owner",
    "status",
)


def _risk_row(risk, scale) -> dict:
    return {
        "id": risk.pk,
        "code": risk.code,
        "title": risk.title,
        "site_id": risk.site_id,
        "site": risk.site.name if risk.site else "",
        "process": risk.process,
        "threat_id": risk.threat_id,
        "threat": risk.threat.label,
        "threat_key": risk.threat.key,
        "threat_name": risk.threat.name,
        "vulnerabilities": risk.vulnerabilities,
        "controls": risk.controls,
        "requirements": [node.ref_id for node in risk.requirements.all()],
        "inherent_likelihood": risk.inherent_likelihood,
        "inherent_impact": risk.inherent_impact,
        "inherent_level": level_of(risk.inherent_score, scale),
        "residual_likelihood": risk.residual_likelihood,
        "residual_impact": risk.residual_impact,
        "residual_level": level_of(risk.residual_score, scale),
        "treatment": risk.treatment,
        "owner": user_label(risk.owner),
        "status": risk.status,
    }


def register_snapshot(organization) -> dict:
    scale = scale_for(organization)
    risks = (
        Risk.objects.filter(organization=organization)
        .select_related("site", "threat", "owner")
        .prefetch_related("requirements")
        .order_by("number")
    )
    return {
        "scale": {
            "likelihood_levels": scale.likelihood_levels,
            "impact_levels": scale.impact_levels,
            "medium_from": scale.medium_from,
            "high_from": scale.high_from,
        },
        "risks": [_risk_row(risk, scale) for risk in risks],
    }


def register_changes(previous: dict | None, current: dict) -> dict:
    """Added, removed and changed risks (with the fields that moved) between two versions."""
    before = {row["id"]: row for row in (previous or {}).get("risks", [])}
    after = {row["id"]: row for row in current["risks"]}
    changed = []
    for pk in sorted(set(before) & set(after)):
        fields = [name for name in COMPARED if before[pk].get(name) != after[pk].get(name)]
        if fields:
            changed.append(
                {
                    "code": after[pk]["code"],
                    "title": after[pk]["title"],
                    "fields": {
                        name: [before[pk].get(name), after[pk].get(name)] for name in fields
                    },
                }
            )
    return {
        "first": previous is None,
        "added": [
            {"code": after[pk]["code"], "title": after[pk]["title"]}
            for pk in sorted(set(after) - set(before))
        ],
        "removed": [
            {"code": before[pk]["code"], "title": before[pk]["title"]}
            for pk in sorted(set(before) - set(after))
        ],
        "changed": changed,
        "scale_changed": previous is not None and previous.get("scale") != current["scale"],
    }


def content_hash(snapshot: dict, *, signer: str, signed_at, statement: str) -> str:
    payload = {
        "register": snapshot,
        "signer": signer,
        "signed_at": signed_at.isoformat(),
        "statement": statement,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def register_review_sign(*, actor, statement, meeting=None) -> RegisterReview:
    """Freeze the register as it is now, signed by the actor: the next yearly review is due
    twelve months from today."""
    require_perm(actor.membership, Perm.APPROVE)
    if not (statement or "").strip():
        raise ValidationError(
            {"statement": _("Say what was reviewed and concluded; it is signed with the register.")}
        )
    check_own(actor, "meeting", meeting)
    previous = (
        RegisterReview.objects.select_for_update()
        .filter(organization=actor.organization)
        .order_by("-number")
        .first()
    )
    snapshot = register_snapshot(actor.organization)
    if not snapshot["risks"]:
        raise ValidationError(_("The register has no risks yet: add them before signing it."))
    signed_at = timezone.now()
    signer = user_label(actor.user)
    review = RegisterReview(
        organization=actor.organization,
        number=(previous.number + 1) if previous else 1,
        reviewed_at=signed_at,
        reviewed_by=actor.user,
        signer_name=signer,
        statement=statement.strip(),
        meeting=meeting,
        snapshot=snapshot,
        changes=register_changes(previous.snapshot if previous else None, snapshot),
        content_hash=content_hash(
            snapshot, signer=signer, signed_at=signed_at, statement=statement.strip()
        ),
    )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=review,
        verb="risks.register.signed",
        data={"number": review.number},
    )
