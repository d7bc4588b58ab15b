"""Sentences of the infosec audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "infosec_disposal.recorded": _("Destruction recorded: %(object)s"),
        "infosec_restore_test.recorded": _("Backup restore test recorded: %(object)s"),
        "infosec_review.started": _("Access review started: %(object)s"),
        "infosec_review.keep": _("Access kept in a review: %(object)s"),
        "infosec_review.revoke": _("Access to revoke in a review: %(object)s"),
        "infosec_review.signed": _("Access review signed: %(object)s"),
        "infosec_account.revoked": _("System account revoked by a review: %(object)s"),
        "infosec_credential.use": _("Use of %(credential)s logged"),
        "infosec_credential.transfer": _("%(credential)s handed to another custodian"),
        "infosec_credential.check": _("Custody of %(credential)s checked"),
        "infosec_credential.renewal": _("%(credential)s renewed"),
        "infosec_credential.revocation": _("%(credential)s revoked"),
        "infosec_cyber_event.reported": _("Cyber event reported: %(object)s"),
    }
)
