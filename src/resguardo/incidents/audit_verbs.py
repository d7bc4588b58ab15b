"""Sentences of the incidents audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "incident.reported": _("Incident reported: %(object)s"),
        "incident.updated": _("Incident file updated: %(object)s"),
        "incident.checklist_marked": _("Investigation checklist marked: %(item)s"),
        "incident.person_added": _("Person involved added: %(object)s"),
        "incident.member_added": _("%(member)s added to a confidential case"),
        "incident.member_removed": _("%(member)s removed from a confidential case"),
        "incident.evidence_added": _("Evidence added: %(file)s (SHA-256 %(sha256)s)"),
        "incident.notice_added": _("Notice added: %(object)s"),
        "incident.notice_filed": _("Notice filed: %(recipient)s"),
        "incident.notice_waived": _("Notice marked as not required: %(recipient)s"),
        "incident.closed": _("Incident closed: %(object)s"),
        "incident.reopened": _("Incident reopened: %(reason)s"),
        "incident_category.seeded": _("Incident category set up: %(object)s"),
        "incident_category.created": _("Incident category created: %(object)s"),
        "incident_category.updated": _("Incident category changed: %(object)s"),
        "incident_link.created": _("Anonymous reporting link created for %(object)s"),
        "incident_link.revoked": _("Anonymous reporting link revoked for %(object)s"),
    }
)
