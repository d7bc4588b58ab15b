"""Norte's obligations records for the cross-app walks (tests/integration): a recurring
obligation at the yard, a notification for alice, and a calendar feed of alice's that was
revoked (its address must answer 404 to everyone, and show nothing)."""

import datetime
import secrets

from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.core.notify import notify
from resguardo.testing.walk import WalkFixtures

from .. import services
from ..models import CalendarFeed, RecurringObligation

MARKERS = ["Simulacro obligatorio Norte", "Aviso de prueba Norte"]


def norte_records(w):
    if hasattr(w, "_obligations"):
        return w._obligations
    # Rows written directly: the schema fuzz builds the walk inside one transaction, where
    # the durable services refuse to run.
    obligation = RecurringObligation.objects.create(
        organization=w.org,
        kind="contingency_drill",
        title=MARKERS[0],
        standard=1,
        first_due_on=timezone.localdate() - datetime.timedelta(days=3),
        site=w.yard,
        owner=w.sam,
    )
    notify(organization=w.org, users=[w.alice], key="walk:obligations", title=MARKERS[1], url="/")
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(
        organization=w.org,
        user=w.alice,
        token_hash=services.hash_feed_token(token),
        revoked_at=timezone.now(),
    )
    w._obligations = {
        "obligation": obligation,
        "notification": w.alice.notifications.get(key="walk:obligations"),
        "revoked_token": token,
    }
    return w._obligations


def _pk(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


URL_KWARGS = {
    "obligations:cycle_detail": _pk("obligation"),
    "obligations:cycle_update": _pk("obligation"),
    "obligations:cycle_done": _pk("obligation"),
    "obligations:notification_read": _pk("notification"),
    "obligations:feed": lambda w: {"token": norte_records(w)["revoked_token"]},
    "api:recurringobligation-detail": _pk("obligation"),
    "api:recurringobligation-done": _pk("obligation"),
    "api:notification-detail": _pk("notification"),
    "api:notification-mark-read": _pk("notification"),
}

PUBLIC_ROUTES = {
    "obligations:feed": "a private calendar address: its token is the credential (the walk "
    "uses a revoked one, which must answer 404 and show nothing)",
}


# The signed-in person's own notifications, e-mail preference and calendar address: every
# member, the auditor included, manages these whatever their role.
SELF_SERVICE_ROUTES = {
    name: "the member's own notifications, e-mail preference or calendar address"
    for name in (
        "obligations:notification_read",
        "obligations:notification_read_all",
        "obligations:preferences",
        "obligations:feed_create",
        "obligations:feed_revoke",
        "api:notification-mark-read",
        "api:notification-mark-all-read",
        "api:notification_preferences",
        "api:calendar_feed",
    )
}


def _snapshot(w):
    records = norte_records(w)
    return {
        "obligations": list(
            RecurringObligation.objects.filter(organization=w.org).values(
                "pk", "title", "last_done_on", "frequency_months", "owner_id", "version"
            )
        ),
        "feeds": list(CalendarFeed.objects.filter(organization=w.org).values("pk", "revoked_at")),
        "notification_read": w.alice.notifications.filter(pk=records["notification"].pk)
        .values_list("read_at", flat=True)
        .first(),
    }


def _grow_obligations(world):
    actor = Actor.for_member(world.membership(world.carla))
    for n in range(30):
        services.recurring_create(
            actor=actor,
            kind="other",
            title=f"Revisión {n}",
            first_due_on=timezone.localdate(),
        )
    return "/api/v1/recurring-obligations/"


WALK = WalkFixtures(
    build=norte_records,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    public_routes=PUBLIC_ROUTES,
    self_service_routes=SELF_SERVICE_ROUTES,
    snapshot=_snapshot,
    list_growers=(_grow_obligations,),
)
