"""Sentences of the kernel's own audit verbs (see resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from .audit import CHAIN_OPENED
from .audit_text import register_audit_verbs

register_audit_verbs(
    {
        CHAIN_OPENED: _("Audit chain opened: %(object)s"),
        "organization.created": _("Organization %(object)s created"),
        "membership.created": _("Member added: %(object)s"),
        "invitation.created": _("Invitation sent: %(object)s"),
    }
)
