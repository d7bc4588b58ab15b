"""Sentences of the conveyance audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "seal.issued": _("Seal %(seal)s issued"),
        "seal.returned": _("Seal %(seal)s returned to stock"),
        "seal.applied": _("Seal %(seal)s applied to %(unit)s"),
        "seal.verified": _("Seal %(seal)s verified (VVTT)"),
        "seal.removed": _("Seal %(seal)s removed"),
        "seal.destroyed": _("Seal %(seal)s destroyed"),
        "seal.voided": _("Seal %(seal)s voided"),
        "seal.customs": _("Seal %(seal)s placed by customs on %(unit)s"),
        "seal_lot.received": _("Seal lot received: %(object)s"),
        "inspection.recorded": _("Inspection recorded: %(object)s"),
        "inspection.point_recorded": _("Inspection point %(point)s of %(unit)s recorded"),
        "inspection.photo_added": _("Photo added to point %(point)s of %(unit)s"),
        "inspection.released": _("Inspection released by the supervisor: %(object)s"),
        "inspection.rejected": _("Inspection rejected by the supervisor: %(object)s"),
        "seal_discrepancy.recorded": _("Seal discrepancy recorded: %(object)s"),
        "seal_discrepancy.closed": _("Seal discrepancy closed: %(object)s"),
        "seal_audit.performed": _("Seal audit performed: %(object)s"),
    }
)
