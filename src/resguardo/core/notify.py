"""Tell people something: `notify(...)` writes one in-app notification per user.

    notify(
        organization=org,
        users=[host],
        key=f"facilities.visitor_arrived:{visit.pk}",
        title=_("%(name)s has arrived to see you"),
        params={"name": visit.visitor_name},
        url=visit.get_absolute_url(),
    )

Titles and bodies are lazy translations with %-style params, rendered in each recipient's
language. A (user, key) pair is written once, however often the caller runs (a retried event
handler, a reminder job started twice). E-mail follows each user's notification preference
(see the certification calendar's delivery job); callers never send mail themselves.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

from .models import Notification


def _render(text, params) -> str:
    text = str(text)
    return text % params if params else text


def notify(
    *,
    organization,
    users: Iterable,
    key: str,
    title,
    body="",
    url: str = "",
    params: dict | None = None,
) -> int:
    """Write the notification for each user who does not have this key yet; return how many."""
    rows = []
    seen = set()
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
            rows.append(
                Notification(
                    organization=organization,
                    user=user,
                    key=key[:200],
                    title=_render(title, params)[:300],
                    body=_render(body, params),
                    url=url[:500],
                )
            )
    if not rows:
        return 0
    existing = set(
        Notification.objects.filter(key=key[:200], user__in=[r.user for r in rows]).values_list(
            "user_id", flat=True
        )
    )
    fresh = [r for r in rows if r.user_id not in existing]
    Notification.objects.bulk_create(fresh, ignore_conflicts=True)
    return len(fresh)
