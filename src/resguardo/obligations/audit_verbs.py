"""Sentences of the obligations audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "recurring_obligation.done": _("Recurring obligation done on %(date)s: %(object)s"),
        "calendar_feed.created": _("Private calendar feed created"),
        "calendar_feed.revoked": _("Private calendar feed revoked"),
    }
)
