"""Sentences of the certification audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "certification.recorded": _("Certification recorded: %(object)s"),
        "certification.renewal_filed": _("Certification renewal filed (folio %(folio)s)"),
        "certification.renewed": _("Certification renewed until %(expires_on)s"),
        "certification.representative_added": _("%(name)s recorded as representative"),
        "certification.representative_removed": _("%(name)s removed as representative"),
        "certification.listing_checked": _("Own RFCs checked against the SAT lists: %(hits)s hits"),
        "certification.prerequisite_recorded": _("Prerequisite recorded: %(object)s"),
        "certification.fee_recorded": _("Annual fee of %(year)s recorded"),
        "certification.fee_paid": _("Annual fee of %(year)s paid"),
        "certification.aviso_proposed": _("Aviso proposed: %(object)s"),
        "certification.aviso_created": _("Aviso drafted: %(object)s"),
        "certification.aviso_filed": _("Aviso filed with folio %(folio)s"),
        "certification.aviso_acknowledged": _("Acuse of aviso %(folio)s kept"),
        "certification.profile_filed": _("E4 profile answers kept as filed"),
        "certification.requirement_received": _("Authority requirement %(reference)s received"),
        "certification.requirement_answered": _("Authority requirement %(reference)s answered"),
        "certification.visit_finding": _("Finding of visit %(reference)s raised as an action"),
    }
)
