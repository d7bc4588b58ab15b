"""Every write of the risks module (services take `actor: core.actors.Actor`)."""

from .committee import committee_member_add, committee_member_update, meeting_record
from .plans import Contact, drill_record, plan_create, plan_update
from .policies import (
    policy_acknowledge,
    policy_create,
    policy_mark_reviewed,
    policy_update,
    policy_version_publish,
)
from .register import (
    risk_action_open,
    risk_create,
    risk_update,
    scale_update,
    threat_create,
    threat_update,
    threats_seed,
)
from .reviews import register_review_sign, register_snapshot

__all__ = [
    "Contact",
    "committee_member_add",
    "committee_member_update",
    "drill_record",
    "meeting_record",
    "plan_create",
    "plan_update",
    "policy_acknowledge",
    "policy_create",
    "policy_mark_reviewed",
    "policy_update",
    "policy_version_publish",
    "register_review_sign",
    "register_snapshot",
    "risk_action_open",
    "risk_create",
    "risk_update",
    "scale_update",
    "threat_create",
    "threat_update",
    "threats_seed",
]
