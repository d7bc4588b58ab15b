"""Writes for the threat catalog, the rating scale and the risks of the register."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, require_perm
from resguardo.core.writes import create_audited, update_audited

from ..catalog import THREATS
from ..choices import RiskStatus
from ..models import Risk, RiskScale, ThreatCategory
from ..scale import RATING_FIELDS, check_ratings, scale_for
from .common import check_member, check_own, check_site, require_text
from .compliance_actions import open_risk_action

RISK_FIELDS = (
    "title",
    "site",
    "process",
    "threat",
    "vulnerabilities",
    "controls",
    "treatment",
    "owner",
    "status",
    *RATING_FIELDS,
)


def threats_seed(*, organization) -> int:
    """Give the organization its copy of the shipped threat catalog (idempotent: threats it
    already has, renamed or retired, are left alone). Returns how many were added."""
    have = set(
        ThreatCategory.objects.filter(organization=organization).values_list("key", flat=True)
    )
    fresh = [
        ThreatCategory(organization=organization, key=threat.key)
        for threat in THREATS
        if threat.key not in have
    ]
    ThreatCategory.objects.bulk_create(fresh, ignore_conflicts=True)
    return len(fresh)


@transaction.atomic
def threat_create(*, actor, name, description="") -> ThreatCategory:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_text({"name": name}, "name")
    key = slugify(name)[:50] or "threat"
    taken = set(
        ThreatCategory.objects.filter(
            organization=actor.organization, key__startswith=key
        ).values_list("key", flat=True)
    )
    unique, n = key, 2
    while unique in taken:
        unique, n = f"{key}-{n}", n + 1
    threat = ThreatCategory(
        organization=actor.organization, key=unique, name=name.strip(), description=description
    )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=threat,
        verb="risks.threat.added",
    )


@transaction.atomic
def threat_update(*, actor, threat, expected_version=None, **changes) -> ThreatCategory:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "threat", threat)
    unknown = set(changes) - {"name", "description", "is_active"}
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=threat,
        changes=changes,
        expected_version=expected_version,
    )


@transaction.atomic
def scale_update(
    *, actor, likelihood_levels, impact_levels, medium_from, high_from, expected_version=None
) -> RiskScale:
    """Change the scale. Refused, naming the dimension, while an active risk is rated above
    the new top (re-rate those risks first)."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    errors = {}
    for field, value in (
        ("likelihood_levels", likelihood_levels),
        ("impact_levels", impact_levels),
    ):
        if not 2 <= value <= 10:
            errors[field] = _("Choose from 2 to 10 levels.")
    if not 1 <= medium_from < high_from:
        errors["high_from"] = _("High must start above medium.")
    if errors:
        raise ValidationError(errors)
    active = Risk.objects.filter(organization=actor.organization, status=RiskStatus.ACTIVE)
    for field, top, rated in (
        ("likelihood_levels", likelihood_levels, ("inherent_likelihood", "residual_likelihood")),
        ("impact_levels", impact_levels, ("inherent_impact", "residual_impact")),
    ):
        above = active.filter(Q(**{f"{rated[0]}__gt": top}) | Q(**{f"{rated[1]}__gt": top}))
        if above.exists():
            raise ValidationError(
                {
                    field: _("%(n)s active risks are rated above %(top)s; re-rate them first.")
                    % {"n": above.count(), "top": top}
                }
            )
    values = {
        "likelihood_levels": likelihood_levels,
        "impact_levels": impact_levels,
        "medium_from": medium_from,
        "high_from": high_from,
    }
    scale = RiskScale.objects.select_for_update().filter(organization=actor.organization).first()
    if scale is None:
        return create_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=RiskScale(organization=actor.organization, **values),
        )
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=scale,
        changes=values,
        expected_version=expected_version,
    )


def _check_risk(actor, values: dict) -> None:
    require_text(values, "title", "process")
    check_site(actor, values.get("site"))
    check_own(actor, "threat", values.get("threat"))
    check_member(actor.organization, "owner", values.get("owner"))
    for item in values.get("evidence") or ():
        check_own(actor, "evidence", item)
    check_ratings(values, scale_for(actor.organization))


@transaction.atomic
def risk_create(
    *,
    actor,
    title,
    process,
    threat,
    inherent_likelihood,
    inherent_impact,
    residual_likelihood,
    residual_impact,
    site=None,
    vulnerabilities="",
    controls="",
    treatment="mitigate",
    owner=None,
    requirements=(),
    evidence=(),
) -> Risk:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    values = {
        "title": title,
        "process": process,
        "threat": threat,
        "site": site,
        "owner": owner,
        "inherent_likelihood": inherent_likelihood,
        "inherent_impact": inherent_impact,
        "residual_likelihood": residual_likelihood,
        "residual_impact": residual_impact,
        "requirements": requirements,
        "evidence": evidence,
    }
    _check_risk(actor, values)
    last = Risk.objects.filter(organization=actor.organization).aggregate(n=Max("number"))["n"]
    risk = Risk(
        organization=actor.organization,
        number=(last or 0) + 1,
        title=title.strip(),
        process=process.strip(),
        threat=threat,
        site=site,
        vulnerabilities=vulnerabilities,
        controls=controls,
        treatment=treatment,
        owner=owner,
        inherent_likelihood=inherent_likelihood,
        inherent_impact=inherent_impact,
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
    )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=risk,
        m2m={"requirements": list(requirements), "evidence": list(evidence)},
        verb="risks.risk.added",
        data={"code": risk.code},
    )


@transaction.atomic
def risk_update(*, actor, risk, expected_version=None, **changes) -> Risk:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "risk", risk)
    m2m = {
        name: list(changes.pop(name)) for name in ("requirements", "evidence") if name in changes
    }
    unknown = set(changes) - set(RISK_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    _check_risk(actor, {**changes, **m2m})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=risk,
        changes=changes,
        m2m=m2m,
        expected_version=expected_version,
    )


@transaction.atomic
def risk_action_open(*, actor, risk, title, owner=None, due_date=None, description=""):
    """A treatment action for the risk, opened in the compliance action plan."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "risk", risk)
    return open_risk_action(
        actor=actor, risk=risk, title=title, owner=owner, due_date=due_date, description=description
    )
