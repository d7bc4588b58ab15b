"""The organization's rating scale: reading it, checking ratings against it, naming levels."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import RiskLevel
from .models import RiskScale

RATING_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")


def scale_for(organization) -> RiskScale:
    """The stored scale, or the 5 × 5 default (unsaved) when the organization kept it."""
    found = RiskScale.objects.filter(organization=organization).first()
    return found or RiskScale(organization=organization)


def level_of(score: int, scale: RiskScale) -> str:
    if score >= scale.high_from:
        return RiskLevel.HIGH
    if score >= scale.medium_from:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def check_ratings(values: dict, scale: RiskScale) -> None:
    """Every rating given is a whole number from 1 to its scale's top; otherwise the error
    names each field that is out of the scale."""
    errors = {}
    for field in RATING_FIELDS:
        if field not in values:
            continue
        value = values[field]
        top = scale.likelihood_levels if field.endswith("likelihood") else scale.impact_levels
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
            errors[field] = _("Rate it from 1 to %(top)s (the organization's scale).") % {
                "top": top
            }
    if errors:
        raise ValidationError(errors, code="out_of_scale")
