"""Norte's facilities records for the cross-app walks: a visitor inside with a badge and a
photo, an employee badge, a person on the denied list."""

import datetime

from django.utils import timezone

from resguardo.testing.walk import WalkFixtures

from .. import services
from ..models import (
    Badge,
    Camera,
    Challenge,
    CheckRun,
    CheckType,
    DeniedPerson,
    GatePolicy,
    Guard,
    GuardShift,
    Key,
    KeyAudit,
    Package,
    RoundScan,
    SiteProfile,
    Visit,
)
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
    w._facilities.update(_build_more(w, admin))


def _build_more(w, admin) -> dict:
    from ..services import access, checks, keys
    from ..services.sites import camera_save, site_profile_save

    profile = site_profile_save(actor=admin, site=w.yard, premises="Nave de muros secretos Norte")
    camera = camera_save(actor=admin, site=w.yard, name="CAM-NORTE-1", location="Caseta Norte")
    rondin = checks.check_type_create(
        actor=admin,
        site=w.yard,
        kind="guard_round",
        name="Rondín Secreto Norte",
        checkpoints=["Punto Norte A", "Punto Norte B"],
    )
    scan, _ = checks.round_scan(actor=actor(w, w.sofia), code=rondin.checkpoints.first().code)
    key = keys.key_register(actor=admin, site=w.yard, number="KN-1", opens="Candado Norte")
    key_audit = keys.key_audit_run(actor=admin, site=w.yard, present_numbers=["KN-1"])
    challenge = access.challenge_record(
        actor=admin,
        site=w.yard,
        subject="person",
        description="Intruso Norte",
        action_taken="Retirado",
    )
    package = access.package_record(
        actor=admin, site=w.yard, sender="Remitente Norte", addressee="Destinatario Norte"
    )
    guard = access.guard_create(
        actor=admin, full_name="Guardia Norte", employer="own", sites=[w.yard]
    )
    return {
        "profile": profile,
        "camera": camera,
        "check": rondin,
        "run": scan.run,
        "checkpoint": rondin.checkpoints.first(),
        "key": key,
        "key_audit": key_audit,
        "challenge": challenge,
        "package": package,
        "guard": guard,
    }


def _get(w, name):
    build(w)
    return w._facilities[name]


def _snapshot(w):
    org = w.org
    return [
        list(model.objects.filter(organization=org).order_by("pk").values())
        for model in (
            Visit,
            Badge,
            DeniedPerson,
            GatePolicy,
            SiteProfile,
            Camera,
            CheckType,
            CheckRun,
            RoundScan,
            Key,
            KeyAudit,
            Challenge,
            Package,
            Guard,
            GuardShift,
        )
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
        "facilities:profile_detail": lambda w: {"pk": _get(w, "profile").pk},
        "facilities:profile_edit": lambda w: {"site_pk": w.yard.pk},
        "facilities:camera_edit": lambda w: {"pk": _get(w, "camera").pk},
        "facilities:check_detail": lambda w: {"pk": _get(w, "check").pk},
        "facilities:check_record": lambda w: {"pk": _get(w, "check").pk},
        "facilities:checkpoint_sheet": lambda w: {"pk": _get(w, "check").pk},
        "facilities:run_detail": lambda w: {"pk": _get(w, "run").pk},
        "facilities:round_finish": lambda w: {"pk": _get(w, "run").pk},
        "facilities:scan": lambda w: {"code": _get(w, "checkpoint").code},
        "facilities:key_issue": lambda w: {"pk": _get(w, "key").pk},
        "facilities:key_return": lambda w: {"pk": _get(w, "key").pk},
        "facilities:key_lost": lambda w: {"pk": _get(w, "key").pk},
        "facilities:guard_shift": lambda w: {"pk": _get(w, "guard").pk},
        "api:siteprofile-detail": lambda w: {"pk": _get(w, "profile").pk},
        "api:camera-detail": lambda w: {"pk": _get(w, "camera").pk},
        "api:checktype-detail": lambda w: {"pk": _get(w, "check").pk},
        "api:checkrun-detail": lambda w: {"pk": _get(w, "run").pk},
        "api:checkrun-finish": lambda w: {"pk": _get(w, "run").pk},
        "api:key-detail": lambda w: {"pk": _get(w, "key").pk},
        "api:key-issue": lambda w: {"pk": _get(w, "key").pk},
        "api:key-return-key": lambda w: {"pk": _get(w, "key").pk},
        "api:key-lost": lambda w: {"pk": _get(w, "key").pk},
        "api:keyaudit-detail": lambda w: {"pk": _get(w, "key_audit").pk},
        "api:challenge-detail": lambda w: {"pk": _get(w, "challenge").pk},
        "api:package-detail": lambda w: {"pk": _get(w, "package").pk},
        "api:guard-detail": lambda w: {"pk": _get(w, "guard").pk},
        "api:visit-detail": lambda w: {"pk": _get(w, "visit").pk},
        "api:visit-check-out": lambda w: {"pk": _get(w, "visit").pk},
        "api:badge-detail": lambda w: {"pk": _get(w, "badge").pk},
        "api:badge-issue": lambda w: {"pk": _get(w, "badge").pk},
        "api:badge-return-badge": lambda w: {"pk": _get(w, "badge").pk},
        "api:badge-lost": lambda w: {"pk": _get(w, "badge").pk},
        "api:deniedperson-detail": lambda w: {"pk": _get(w, "denied").pk},
        "api:deniedperson-lift": lambda w: {"pk": _get(w, "denied").pk},
    },
    markers=lambda w: [
        "Visitante Secreto Norte",
        "Persona Vetada Norte",
        "Motivo reservado Norte",
        "Nave de muros secretos Norte",
        "CAM-NORTE-1",
        "Rondín Secreto Norte",
        "Punto Norte A",
        "Candado Norte",
        "Intruso Norte",
        "Remitente Norte",
        "Guardia Norte",
    ],
    snapshot=_snapshot,
    list_growers=(_grow_visits,),
    list_ids=lambda w: {
        "api:visit-list": ("id", {_get(w, "visit").pk}),
        "api:badge-list": ("id", {_get(w, "badge").pk}),
        "api:deniedperson-list": ("id", {_get(w, "denied").pk}),
        "api:key-list": ("id", {_get(w, "key").pk}),
        "api:checkrun-list": ("id", {_get(w, "run").pk}),
        "api:challenge-list": ("id", {_get(w, "challenge").pk}),
        "api:camera-list": ("id", {_get(w, "camera").pk}),
    },
)
