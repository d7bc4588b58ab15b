"""Fixed-window request limits kept in the database, so every app server and process counts
the same requests: `allow(scope, key, limit=..., window=...)` counts one request and says
whether it is within the limit.

A scope names what is limited ("accounts.password_reset", "incidents.anonymous"); a key says
for whom (an e-mail address, a keyed hash of a client address: never store a clear address
where it could identify someone). A window starts with a key's first request and ends after
`window`; expired windows of the scope are deleted as requests come in.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import RateWindow


@transaction.atomic
def allow(scope: str, key: str, *, limit: int, window: datetime.timedelta) -> bool:
    """Count one request for `key`; False when it goes over `limit` in the current window."""
    now = timezone.now()
    RateWindow.objects.filter(scope=scope, window_started_at__lte=now - window).delete()
    counter, _created = RateWindow.objects.select_for_update().get_or_create(
        scope=scope, key=key[:300], defaults={"window_started_at": now}
    )
    counter.requests = F("requests") + 1
    counter.save(update_fields=["requests"])
    counter.refresh_from_db(fields=["requests"])
    return counter.requests <= limit
