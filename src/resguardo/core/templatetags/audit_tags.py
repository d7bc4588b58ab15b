from django import template
from django.utils.text import capfirst

from ..audit_text import entry_sentence, type_label

register = template.Library()


@register.filter
def audit_sentence(entry) -> str:
    """The audit entry as one sentence in the user's language."""
    return entry_sentence(entry)


@register.filter
def audit_type(object_type: str) -> str:
    """An object type (`compliance.actionitem`) by its name (“Action item”)."""
    return capfirst(type_label(object_type))
