"""Norte's facilities records for the cross-app walks: a visitor inside with a badge and a
photo, an employee badge, a person on the denied list."""

import datetime

from django.utils import timezone

from resguardo.testing.walk import WalkFixtures

from .. import services
from ..models import Badge, DeniedPerson, GatePolicy, Visit
from .factories import actor, jpeg


def build(w) -> None:
    if hasattr(w, "_facilities"):
        return
    admin = actor(w, w.alice)
    services.gate_policy_save(actor=admin, privacy_notice="Aviso de privacidad Norte")
    visitor_badge = services.badge_register(
        actor=admin, site=w.yard, number="WALK-V1", kind="visitor"
    )
    employee_badge = services.badge_register(
        actor=admin, site=w.yard, number="WALK-E1", kind="employee"
    )
    services.badge_issue(
        actor=admin,
        badge=employee_badge,
        holder_user=w.sofia,
        expires_on=timezone.localdate() + datetime.timedelta(days=60),
    )
    visit = services.visit_check_in(
        actor=actor(w, w.sofia),
        site=w.yard,
        full_name="Visitante Secreto Norte",
        id_type="ine",
        purpose="Visita de recorrido",
        badge_number=visitor_badge.number,
        privacy_notice_shown=True,
        photo=jpeg(),
    )
    denied = services.denied_person_add(
        actor=admin, full_name="Persona Vetada Norte", reason="Motivo reservado Norte"
    )
    w._facilities = {"visit": visit, "badge": visitor_badge, "denied": denied}


def _get(w, name):
    build(w)
    return w._facilities[name]


def _snapshot(w):
    org = w.org
    return [
        list(model.objects.filter(organization=org).order_by("pk").values())
        for model in (Visit, Badge, DeniedPerson, GatePolicy)
    ]


def _grow_visits(world):
    for n in range(30):
        badge = services.badge_register(
            actor=actor(world, world.alice), site=world.yard, number=f"GROW-{n}", kind="visitor"
        )
        services.visit_check_in(
            actor=actor(world, world.sofia),
            site=world.yard,
            full_name=f"Visitante {n}",
            id_type="ine",
            purpose="Entrega",
            badge_number=badge.number,
            privacy_notice_shown=True,
        )
    return "/api/v1/visits/"


WALK = WalkFixtures(
    build=build,
    url_kwargs={
        "facilities:visit_detail": lambda w: {"pk": _get(w, "visit").pk},
        "facilities:visit_photo": lambda w: {"pk": _get(w, "visit").pk},
        "facilities:check_out": lambda w: {"pk": _get(w, "visit").pk},
        "facilities:badge_detail": lambda w: {"pk": _get(w, "badge").pk},
        "facilities:badge_issue": lambda w: {"pk": _get(w, "badge").pk},
        "facilities:badge_return": lambda w: {"pk": _get(w, "badge").pk},
        "facilities:badge_lost": lambda w: {"pk": _get(w, "badge").pk},
        "facilities:denied_lift": lambda w: {"pk": _get(w, "denied").pk},
        "api:visit-detail": lambda w: {"pk": _get(w, "visit").pk},
        "api:visit-check-out": lambda w: {"pk": _get(w, "visit").pk},
        "api:badge-detail": lambda w: {"pk": _get(w, "badge").pk},
        "api:badge-issue": lambda w: {"pk": _get(w, "badge").pk},
        "api:badge-return-badge": lambda w: {"pk": _get(w, "badge").pk},
        "api:badge-lost": lambda w: {"pk": _get(w, "badge").pk},
        "api:deniedperson-detail": lambda w: {"pk": _get(w, "denied").pk},
        "api:deniedperson-lift": lambda w: {"pk": _get(w, "denied").pk},
    },
    markers=lambda w: ["Visitante Secreto Norte", "Persona Vetada Norte", "Motivo reservado Norte"],
    snapshot=_snapshot,
    list_growers=(_grow_visits,),
    list_ids=lambda w: {
        "api:visit-list": ("id", {_get(w, "visit").pk}),
        "api:badge-list": ("id", {_get(w, "badge").pk}),
        "api:deniedperson-list": ("id", {_get(w, "denied").pk}),
    },
)
