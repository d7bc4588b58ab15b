"""The one place facilities calls the compliance app: a failed check item becomes an action.

Kept in one function so the call is easy to follow when compliance's services change shape.
"""

import datetime

from django.utils import timezone

from resguardo.compliance.choices import ActionSource
from resguardo.compliance.services import action_item_raise
from resguardo.core.actors import Actor


def raise_action(
    *, organization, title: str, description: str, site, source_reference: str, due_in_days: int = 7
):
    """Open a corrective action for the organization (no acting person: the system raises
    it from the record a member saved)."""
    return action_item_raise(
        actor=Actor.system(organization),
        title=title[:200],
        description=description,
        source=ActionSource.OTHER,
        source_reference=source_reference,
        site=site,
        due_date=timezone.localdate() + datetime.timedelta(days=due_in_days),
    )
