from django import template

from resguardo.compliance.choices import Classification

register = template.Library()


@register.filter
def classification_label(value) -> str:
    try:
        return Classification(value).label
    except ValueError:
        return value


@register.filter
def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email
