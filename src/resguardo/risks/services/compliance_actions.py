"""The one place the risks module calls the compliance module's action service.

Treatment actions of a risk and follow-up actions of a drill are compliance actions, so they
appear in the action plan, the overdue indicators and the reports with everything else.
(The compliance services still take `actor=user, membership=...`; when they move to the
Actor object only this file changes.)
"""

from resguardo.compliance.choices import ActionKind, ActionSource
from resguardo.compliance.services import action_item_create


def open_action(*, actor, title, source, reference, site=None, owner=None, due_date=None,
                description="", kind=ActionKind.CORRECTIVE):  # fmt: skip
    return action_item_create(
        actor=actor,
        title=title,
        description=description,
        kind=kind,
        source=source,
        source_reference=reference,
        site=site,
        owner=owner,
        due_date=due_date,
    )


def open_risk_action(*, actor, risk, title, owner=None, due_date=None, description=""):
    return open_action(
        actor=actor,
        title=title,
        description=description,
        kind=ActionKind.PREVENTIVE,
        source=ActionSource.RISK,
        reference=f"risk:{risk.pk}",
        site=risk.site,
        owner=owner,
        due_date=due_date,
    )


def open_drill_action(*, actor, drill, title):
    return open_action(
        actor=actor,
        title=title,
        source=ActionSource.OTHER,
        reference=f"drill:{drill.pk}",
        site=drill.plan.site,
        owner=drill.plan.owner,
    )
