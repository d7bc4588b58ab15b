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
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

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


@dataclass(frozen=True)
class Message:
    """One notification for one user, for `notify_many` (a job writing thousands at once)."""

    user: object
    key: str
    title: object
    body: object = ""
    url: str = ""
    params: dict = field(default_factory=dict)


def notify_many(*, organization, messages: Iterable[Message], batch_size: int = 1000) -> int:
    """Write many notifications at once, each rendered in its user's language; a (user, key)
    pair already written is skipped (the unique constraint decides, so two runs at the same
    time never write one twice). Returns how many were new.

    The nightly reminder run writes hundreds of thousands of rows: they go in with one prepared
    INSERT per batch instead of the ORM's per-field preparation of every row."""
    by_language: dict[str, list[Message]] = {}
    for message in messages:
        if message.user is None or not message.user.is_active:
            continue
        language = getattr(message.user, "language", "") or settings.LANGUAGE_CODE
        by_language.setdefault(language, []).append(message)
    written = 0
    created_at = connection.ops.adapt_datetimefield_value(timezone.now())
    for language, group in by_language.items():
        # messages to several people about one thing share their title and params objects:
        # render each once per language
        rendered: dict[tuple[int, int], str] = {}
        with translation.override(language):
            rows = [
                (
                    organization.pk,
                    m.user.pk,
                    m.key[:200],
                    _render_once(rendered, m.title, m.params)[:300],
                    _render_once(rendered, m.body, m.params) if m.body else "",
                    m.url[:500],
                    created_at,
                )
                for m in group
            ]
        for start in range(0, len(rows), batch_size):
            written += _insert_new(rows[start : start + batch_size])
    return written


_COLUMNS = ("organization_id", "user_id", "key", "title", "body", "url", "created_at")


def _insert_new(rows: list[tuple]) -> int:
    """Insert the rows whose (user, key) is not stored yet; return how many went in."""
    table = connection.ops.quote_name(Notification._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _COLUMNS)
    placeholders = ", ".join(["%s"] * len(_COLUMNS))
    # names from the model's own metadata, values as parameters
    sql = (
        f"INSERT INTO {table} ({columns}, email_attempts, email_error) "  # noqa: S608
        f"VALUES ({placeholders}, 0, '') ON CONFLICT DO NOTHING"
    )
    users = {row[1] for row in rows}
    keys = {row[2] for row in rows}
    before = _count_keys(users, keys)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return _count_keys(users, keys) - before


def _render_once(rendered: dict, text, params) -> str:
    key = (id(text), id(params))
    if key not in rendered:
        rendered[key] = _render(text, params)
    return rendered[key]


def _count_keys(user_ids: set[int], keys: set[str]) -> int:
    return Notification.objects.filter(user_id__in=user_ids, key__in=keys).count()
