"""Sentences of the compliance audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "assessment.signed": _("Signed snapshot stored: %(object)s"),
        "assessment.frozen": _("Assessment %(object)s signed off and frozen"),
        "requirement.signed_off": _("Requirement signed off: %(object)s"),
        "requirement.sign_off_withdrawn": _("Sign-off withdrawn: %(object)s"),
        "evidence.added": _("Evidence added: %(object)s"),
        "evidence.revised": _("New version of evidence %(object)s uploaded"),
        "evidence.linked": _("Evidence %(evidence)s linked to %(requirement)s"),
        "evidence.unlinked": _("Evidence %(evidence)s unlinked from %(requirement)s"),
        "action.opened": _("Action opened: %(object)s"),
        "action.raised": _("Action raised automatically: %(object)s"),
        "action.open": _("Action set back to open: %(object)s"),
        "action.in_progress": _("Action in progress: %(object)s"),
        "action.implemented": _("Action implemented, awaiting verification: %(object)s"),
        "action.verified": _("Action verified effective: %(object)s"),
        "action.reopened": _("Action found not effective and reopened: %(object)s"),
        "action.cancelled": _("Action cancelled: %(object)s"),
    }
)
