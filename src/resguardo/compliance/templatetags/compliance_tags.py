from django import template

from ..choices import Result
from ..presenters import percent, result_badge_class, validity_badge_class

register = template.Library()


@register.filter
def result_badge(value) -> str:
    return result_badge_class(value)


@register.filter
def result_label(value) -> str:
    try:
        return Result(value).label
    except ValueError:
        return value


@register.filter
def pct(value) -> str:
    return percent(value)


@register.filter
def score_badge(value) -> str:
    if value is None:
        return ""
    return "badge-ok" if value >= 80 else "badge-warn" if value >= 50 else "badge-bad"


@register.filter
def validity_badge(valid_until) -> str:
    return validity_badge_class(valid_until)
