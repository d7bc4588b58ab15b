"""The partner risk rating: a score from explicit factors, each kept with its points so the
rating is always shown with its explanation. Pure functions: the facts come in, the rating
goes out (services gather the facts and store the result)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .choices import PartnerKind, RiskLevel

HIGH_THRESHOLD = 50
MEDIUM_THRESHOLD = 25

KIND_POINTS = {
    PartnerKind.CARRIER: 20,
    PartnerKind.FORWARDER: 20,
    PartnerKind.WAREHOUSE: 15,
    PartnerKind.CORRESPONDENT: 15,
    PartnerKind.CUSTOMS_AGENT: 15,
    PartnerKind.CLIENT: 15,
    PartnerKind.SERVICE_PROVIDER: 10,
    PartnerKind.OTHER: 10,
}
# Countries under comprehensive US sanctions or on the FATF call-for-action list.
HIGH_RISK_COUNTRIES = frozenset({"CU", "IR", "KP", "SY", "MM", "RU", "BY", "VE"})
LOW_RISK_COUNTRIES = frozenset({"MX", "US", "CA"})

FACTOR_TEXTS = {
    "kind": _("Partner type: %(kind)s"),
    "country_high": _("Country %(country)s is under sanctions or on the FATF high-risk list"),
    "country_foreign": _("Foreign partner (%(country)s)"),
    "certified": _("Holds a valid certification: %(programs)s"),
    "certification_missing": _("No valid OEA, C-TPAT or AEO certification, required for this type"),
    "watchlist_true_match": _("Confirmed match on a watchlist"),
    "no_questionnaire": _("No accepted security questionnaire"),
    "questionnaire_low": _("Security questionnaire score %(score)s%% (under 60%%)"),
    "questionnaire_medium": _("Security questionnaire score %(score)s%% (under 80%%)"),
    "questionnaire_good": _("Security questionnaire score %(score)s%%"),
    "questionnaire_gaps": _("Critical questionnaire answers were “no”: %(codes)s"),
    "review_unsatisfactory": _("Last review was unsatisfactory"),
    "review_findings": _("Last review had findings"),
    "open_findings": _("Open high-severity findings: %(count)s"),
    "review_overdue": _("Periodic review overdue"),
    "new_partner": _("New relationship (under a year)"),
    "selection_rejected": _("Selection decision: rejected"),
    "selection_conditional": _("Selection decision: approved with conditions"),
    "no_selection": _("No selection decision recorded"),
}


@dataclass
class RiskFacts:
    kind: str
    country: str
    since: datetime.date | None
    today: datetime.date
    certification_required: bool
    valid_programs: list[str] = field(default_factory=list)
    true_match: bool = False
    open_hits: int = 0
    questionnaire_score: int | None = None
    questionnaire_gaps: list[str] = field(default_factory=list)
    last_review_outcome: str = ""
    open_high_findings: int = 0
    review_overdue: bool = False
    selection_outcome: str = ""


@dataclass
class RiskRating:
    level: str
    score: int
    factors: list[dict]


def _factor(code: str, points: int, **params) -> dict:
    return {"code": code, "points": points, "params": params}


def _registry_factors(facts: RiskFacts) -> list[dict]:
    factors = [_factor("kind", KIND_POINTS.get(facts.kind, 10), kind=facts.kind)]
    country = (facts.country or "MX").upper()
    if country in HIGH_RISK_COUNTRIES:
        factors.append(_factor("country_high", 30, country=country))
    elif country not in LOW_RISK_COUNTRIES:
        factors.append(_factor("country_foreign", 10, country=country))
    if facts.valid_programs:
        factors.append(_factor("certified", -15, programs=", ".join(facts.valid_programs)))
    elif facts.certification_required:
        factors.append(_factor("certification_missing", 15))
    if facts.since and (facts.today - facts.since).days < 365:
        factors.append(_factor("new_partner", 5))
    return factors


def _screening_factors(facts: RiskFacts) -> list[dict]:
    if facts.true_match:
        return [_factor("watchlist_true_match", 100)]
    factors = []
    if facts.open_hits:
        factors.append(_factor("watchlist_open_hits", 40, count=facts.open_hits))
    return factors


def _questionnaire_factors(facts: RiskFacts) -> list[dict]:
    score = facts.questionnaire_score
    if score is None:
        return [_factor("no_questionnaire", 10)]
    factors = []
    if score < 60:
        factors.append(_factor("questionnaire_low", 25, score=score))
    elif score < 80:
        factors.append(_factor("questionnaire_medium", 10, score=score))
    elif score >= 90:
        factors.append(_factor("questionnaire_good", -5, score=score))
    if facts.questionnaire_gaps:
        factors.append(_factor("questionnaire_gaps", 10, codes=", ".join(facts.questionnaire_gaps)))
    return factors


def _history_factors(facts: RiskFacts) -> list[dict]:
    factors = []
    if facts.last_review_outcome == "unsatisfactory":
        factors.append(_factor("review_unsatisfactory", 25))
    elif facts.last_review_outcome == "with_findings":
        factors.append(_factor("review_findings", 5))
    if facts.open_high_findings:
        points = min(20, 10 * facts.open_high_findings)
        factors.append(_factor("open_findings", points, count=facts.open_high_findings))
    if facts.review_overdue:
        factors.append(_factor("review_overdue", 10))
    if facts.selection_outcome == "rejected":
        factors.append(_factor("selection_rejected", 30))
    elif facts.selection_outcome == "conditional":
        factors.append(_factor("selection_conditional", 10))
    elif not facts.selection_outcome:
        factors.append(_factor("no_selection", 5))
    return factors


def rate(facts: RiskFacts) -> RiskRating:
    factors = (
        _registry_factors(facts)
        + _screening_factors(facts)
        + _questionnaire_factors(facts)
        + _history_factors(facts)
    )
    score = max(0, min(100, sum(f["points"] for f in factors)))
    if score >= HIGH_THRESHOLD:
        level = RiskLevel.HIGH
    elif score >= MEDIUM_THRESHOLD:
        level = RiskLevel.MEDIUM
    else:
        level = RiskLevel.LOW
    return RiskRating(level=level.value, score=score, factors=factors)


def describe_factor(factor: dict) -> str:
    """The factor in the reader's language (stored as a code, translated when shown)."""
    params = dict(factor.get("params") or {})
    if params.get("kind") in PartnerKind.values:
        params["kind"] = PartnerKind(params["kind"]).label
    if factor.get("code") == "watchlist_open_hits":
        count = params.get("count", 0)
        return ngettext(
            "%(count)s watchlist hit still to review",
            "%(count)s watchlist hits still to review",
            count,
        ) % {"count": count}
    template = FACTOR_TEXTS.get(factor.get("code"), "%(code)s")
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(factor.get("code"))


def level_thresholds() -> dict:
    return {"high": HIGH_THRESHOLD, "medium": MEDIUM_THRESHOLD}
