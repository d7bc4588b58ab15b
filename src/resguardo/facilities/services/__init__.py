from .badges import badge_issue, badge_mark_lost, badge_register, badge_retire, badge_return
from .gate import (
    denied_person_add,
    denied_person_lift,
    gate_policy_save,
    visit_check_in,
    visit_check_out,
    visit_check_out_by_badge,
)

__all__ = [
    "badge_issue",
    "badge_mark_lost",
    "badge_register",
    "badge_retire",
    "badge_return",
    "denied_person_add",
    "denied_person_lift",
    "gate_policy_save",
    "visit_check_in",
    "visit_check_out",
    "visit_check_out_by_badge",
]
