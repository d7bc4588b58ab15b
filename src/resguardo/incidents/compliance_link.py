"""The one place this module calls the compliance module's services (corrective actions).

Compliance's services still take `(actor=user, membership=membership, ...)`; when they move
to the Actor object, only this file changes.
"""

from resguardo.compliance.choices import ActionKind, ActionSource
from resguardo.compliance.services import action_item_create


def corrective_action_create(*, actor, incident, title, description, kind, owner, due_date):
    return action_item_create(
        actor=actor,
        title=title,
        description=description,
        kind=kind or ActionKind.CORRECTIVE,
        source=ActionSource.INCIDENT,
        source_reference=incident.reference,
        site=incident.site,
        owner=owner,
        due_date=due_date,
    )


ACTION_KINDS = ActionKind
