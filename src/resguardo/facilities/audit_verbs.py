"""Sentences of the facilities audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "visit.checked_in": _("%(name)s checked in at %(site)s"),
        "visit.checked_out": _("%(name)s checked out of %(site)s"),
        "visits.purged": _("%(count)s visitor records older than %(days)s days deleted"),
        "badge.registered": _("Badge %(badge)s registered"),
        "badge.issued": _("Badge %(badge)s issued to %(holder)s"),
        "badge.returned": _("Badge %(badge)s returned"),
        "badge.lost": _("Badge %(badge)s recorded as lost and deactivated"),
        "badge.retired": _("Badge %(badge)s retired"),
        "gate_policy.saved": _("Gate privacy notice and retention saved"),
        "denied_person.added": _("%(name)s added to the denied-persons list"),
        "denied_person.lifted": _("%(name)s lifted from the denied-persons list"),
    }
)
