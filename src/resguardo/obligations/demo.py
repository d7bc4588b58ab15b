"""Demo data: the E4 yearly cycle with owners and believable dates, so the calendar, the home
page and the reminders (run at once by the demo's in-process scheduler) show something."""

import datetime

from django.utils import timezone

from resguardo.core.actors import Actor

from . import services
from .choices import CycleKind
from .models import RecurringObligation

# days since each item was last done (a year ago: due again soon, or overdue)
DONE_DAYS_AGO = {
    CycleKind.RISK_ANALYSIS: 358,
    CycleKind.INTERNAL_AUDIT: 300,
    CycleKind.CONTINGENCY_DRILL: 372,
    CycleKind.SENSITIVE_POSTS: 340,
    CycleKind.SEAL_PROCEDURE: 200,
}


def seed(context) -> None:
    officer = context.memberships.get("oea")
    if officer is None:
        return
    actor = Actor.for_member(officer)
    today = timezone.localdate()
    services.internal_cycle_setup(actor=actor, first_due_on=today + datetime.timedelta(days=20))
    staff = context.users.get("operador")
    for obligation in RecurringObligation.objects.filter(organization=context.organization):
        days = DONE_DAYS_AGO.get(obligation.kind)
        if days is None:
            continue
        owner = staff if obligation.kind == CycleKind.SEAL_PROCEDURE and staff else officer.user
        services.recurring_update(
            actor=actor,
            obligation=obligation,
            expected_version=obligation.version,
            last_done_on=today - datetime.timedelta(days=days),
            owner=owner,
        )
