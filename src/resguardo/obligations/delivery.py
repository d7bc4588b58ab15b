"""E-mail of notifications, as each user asked (NotificationPreference): one message per
notification ("immediately"), a daily or weekly digest, or none. Written in the user's
language; a failure is counted on the notification (email_attempts, email_error) and retried
by the next run until MAX_EMAIL_ATTEMPTS, then left visible as failed on the user's list."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from resguardo.core.models import Notification

from .choices import EmailPreference

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5
# Older unsent notifications are not e-mailed any more (stale news); they stay in the app.
MAX_AGE = datetime.timedelta(days=14)


@dataclass
class DeliverySummary:
    sent: int = 0
    failed: int = 0


def _pending(preference: str, now):
    pending = Notification.objects.filter(
        emailed_at__isnull=True,
        email_attempts__lt=MAX_EMAIL_ATTEMPTS,
        created_at__gte=now - MAX_AGE,
        user__is_active=True,
    )
    chosen = Q(user__notification_preference__email=preference)
    if preference == EmailPreference.IMMEDIATE:  # the default when nothing was chosen
        chosen |= Q(user__notification_preference__isnull=True)
    return pending.filter(chosen).select_related("user", "organization")


def _language(user) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _claim(notifications: list[Notification]) -> list[Notification]:
    """Count the attempt first (a conditional update), so two runs never both send one."""
    claimed = []
    for notification in notifications:
        if Notification.objects.filter(
            pk=notification.pk,
            emailed_at__isnull=True,
            email_attempts=notification.email_attempts,
        ).update(email_attempts=F("email_attempts") + 1):
            notification.email_attempts += 1
            claimed.append(notification)
    return claimed


def _send(user, template: str, context: dict) -> None:
    if not user.email:
        raise ValueError("the user has no e-mail address")
    with translation.override(_language(user)):
        subject = render_to_string(f"obligations/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"obligations/email/{template}_body.txt", context)
    send_mail(subject, body, None, [user.email], fail_silently=False)


def _record(notifications: list[Notification], error: Exception | None, summary) -> None:
    ids = [n.pk for n in notifications]
    if error is None:
        Notification.objects.filter(pk__in=ids).update(emailed_at=timezone.now(), email_error="")
        summary.sent += len(ids)
    else:
        logger.warning("notification e-mail failed: %s", error)
        Notification.objects.filter(pk__in=ids).update(email_error=str(error)[:1000])
        summary.failed += len(ids)


def deliver_immediate(*, now=None) -> DeliverySummary:
    """One e-mail per notification, for users who want them as they happen."""
    now = now or timezone.now()
    summary = DeliverySummary()
    for notification in _claim(list(_pending(EmailPreference.IMMEDIATE, now)[:500])):
        error = None
        try:
            _send(
                notification.user,
                "notification",
                {"notification": notification, "base_url": settings.PUBLIC_BASE_URL},
            )
        except Exception as exc:  # noqa: BLE001 - any transport failure is retried later
            error = exc
        _record([notification], error, summary)
    return summary


def deliver_digests(preference: str, *, now=None) -> DeliverySummary:
    """One e-mail per user grouping all their unsent notifications (each organization's
    together), for users who chose a daily or weekly digest."""
    now = now or timezone.now()
    summary = DeliverySummary()
    by_user: dict[int, list[Notification]] = {}
    for notification in _pending(preference, now).order_by(
        "user_id", "organization_id", "created_at"
    ):
        by_user.setdefault(notification.user_id, []).append(notification)
    for notifications in by_user.values():
        claimed = _claim(notifications)
        if not claimed:
            continue
        user = claimed[0].user
        groups: dict[int, dict] = {}
        for notification in claimed:
            group = groups.setdefault(
                notification.organization_id,
                {"organization": notification.organization, "notifications": []},
            )
            group["notifications"].append(notification)
        error = None
        try:
            _send(
                user,
                "digest",
                {
                    "user": user,
                    "groups": list(groups.values()),
                    "count": len(claimed),
                    "weekly": preference == EmailPreference.WEEKLY,
                    "base_url": settings.PUBLIC_BASE_URL,
                },
            )
        except Exception as exc:  # noqa: BLE001 - any transport failure is retried later
            error = exc
        _record(claimed, error, summary)
    return summary
