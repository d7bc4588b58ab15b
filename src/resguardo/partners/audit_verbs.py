"""Sentences of the partners audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "partners.screened": _("Partners screened against the watch lists (%(object)s)"),
        "screening.hit_found": _("Watch-list match found: %(object)s"),
        "screening.true_match": _("Match of %(partner)s with %(name)s confirmed"),
        "screening.false_positive": _(
            "Match of %(partner)s with %(name)s dismissed as a false positive"
        ),
        "partner.blocked": _("Partner %(object)s blocked"),
        "partner.unblocked": _("Partner %(object)s unblocked"),
        "partner.selection_approved": _("Partner %(partner)s approved"),
        "partner.selection_conditional": _("Partner %(partner)s approved with conditions"),
        "partner.selection_rejected": _("Partner %(partner)s rejected"),
    }
)
