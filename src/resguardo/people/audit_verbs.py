"""Sentences of the people audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "person.registered": _("Person registered: %(object)s"),
        "person.file_viewed": _("Personnel file read: %(person)s"),
        "person.photo_added": _("New photo for %(person)s"),
        "person.acknowledged": _("%(person)s acknowledged version %(version)s"),
        "person.departed": _("Departure recorded: %(person)s"),
        "people.exported": _("Personnel data exported (%(rows)s rows)"),
        "people.imported": _("%(rows)s people imported from %(file)s"),
        "check.started": _("Background check started: %(person)s"),
        "check.item_recorded": _("Check item %(item)s recorded for %(person)s"),
        "check.cleared": _("Background check cleared: %(person)s"),
        "check.rejected": _("Background check not cleared: %(person)s"),
        "membership.revoked_on_departure": _("Resguardo access revoked on departure: %(person)s"),
        "departure.completed": _("Departure checklist completed: %(person)s"),
        "departure_item.returned": _("%(item)s returned by %(person)s"),
        "departure_item.revoked": _("%(item)s revoked for %(person)s"),
        "departure_item.missing": _("%(item)s missing after %(person)s left"),
        "training.session_recorded": _("Training session recorded: %(course)s"),
        "training.attended": _("%(person)s attended %(course)s"),
    }
)
