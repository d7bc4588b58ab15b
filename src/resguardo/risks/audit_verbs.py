"""Sentences of the risks module's audit verbs (found by resguardo.core.audit_text)."""

from django.utils.translation import gettext_lazy as _

from resguardo.core.audit_text import register_audit_verbs

register_audit_verbs(
    {
        "risks.threat.added": _("Threat added to the catalog: %(object)s"),
        "risks.risk.added": _("Risk %(code)s added to the register"),
        "risks.register.signed": _("Risk register version %(number)s signed"),
        "risks.meeting.recorded": _("Security committee meeting recorded: %(object)s"),
        "risks.policy.created": _("Security policy created: %(object)s"),
        "risks.policy.version_published": _("Version %(number)s of %(object)s approved"),
        "risks.policy.reviewed": _("Security policy reviewed without changes: %(object)s"),
        "risks.policy.acknowledged": _("Policy version acknowledged: %(object)s"),
        "risks.plan.created": _("Contingency plan created: %(object)s"),
        "risks.drill.recorded": _("Drill recorded for %(plan)s"),
    }
)
