"""Norte's standard 1 records for the cross-app walks (tests/integration): a risk at the yard,
a signed register version, a committee member and meeting, a policy, a plan with a drill."""

from django.utils import timezone

from resguardo.testing.walk import WalkFixtures

from ..models import (
    CommitteeMeeting,
    CommitteeMember,
    ContingencyPlan,
    Drill,
    Policy,
    PolicyAcknowledgement,
    RegisterReview,
    Risk,
    ThreatCategory,
)
from .factories import actor_for, plan, policy, risk, threat


def _build(w):
    from .. import services

    carla = actor_for(w, w.carla)
    found = {"threat": threat(w.org)}
    found["risk"] = risk(w, site=w.yard, title="Riesgo Walk Norte", process="Patio Walk")
    found["review"] = services.register_review_sign(actor=carla, statement="Firma Walk Norte")
    found["member"] = services.committee_member_add(
        actor=carla, name="Comité Walk Norte", department="Seguridad", committee_role="Vocal"
    )
    found["meeting"] = services.meeting_record(
        actor=carla,
        held_on=timezone.localdate(),
        minutes="Minuta Walk Norte",
        attendees=[found["member"]],
        decisions=["Decisión Walk Norte"],
    )
    found["policy"] = policy(w, title="Política Walk Norte", body="Texto Walk Norte")
    found["plan"] = plan(w, site=w.yard, title="Plan Walk Norte")
    found["drill"] = services.drill_record(
        actor=carla,
        plan=found["plan"],
        held_on=timezone.localdate(),
        duration_minutes=30,
        participants=[w.sam],
        went_wrong="Falla Walk Norte",
    )
    return found


def norte_records(w):
    if not hasattr(w, "_risks"):
        w._risks = _build(w)
    return w._risks


def build(w) -> None:
    norte_records(w)


def pk_of(name):
    return lambda w: {"pk": norte_records(w)[name].pk}


URL_KWARGS = {
    **{f"risks:risk_{n}": pk_of("risk") for n in ("detail", "edit", "action")},
    "risks:threat_edit": pk_of("threat"),
    "risks:review_detail": pk_of("review"),
    "risks:review_export": pk_of("review"),
    "risks:committee_member_edit": pk_of("member"),
    "risks:meeting_detail": pk_of("meeting"),
    **{
        f"risks:policy_{n}": pk_of("policy")
        for n in ("detail", "edit", "version_create", "acknowledge", "reviewed")
    },
    "risks:plan_detail": pk_of("plan"),
    "risks:plan_edit": pk_of("plan"),
    "risks:drill_create": pk_of("plan"),
    "api:riskthreat-detail": pk_of("threat"),
    "api:risk-detail": pk_of("risk"),
    "api:risk-open-action": pk_of("risk"),
    "api:riskreview-detail": pk_of("review"),
    "api:committeemember-detail": pk_of("member"),
    "api:committeemeeting-detail": pk_of("meeting"),
    **{
        f"api:securitypolicy-{n}": pk_of("policy")
        for n in ("detail", "publish", "acknowledge", "reviewed")
    },
    "api:contingencyplan-detail": pk_of("plan"),
    "api:drill-detail": pk_of("drill"),
}

MARKERS = [
    "Riesgo Walk Norte",
    "Firma Walk Norte",
    "Comité Walk Norte",
    "Minuta Walk Norte",
    "Política Walk Norte",
    "Plan Walk Norte",
    "Falla Walk Norte",
]

MODELS = (
    ThreatCategory,
    Risk,
    RegisterReview,
    CommitteeMember,
    CommitteeMeeting,
    Policy,
    PolicyAcknowledgement,
    ContingencyPlan,
    Drill,
)


def snapshot(w):
    return {
        model.__name__: list(model.objects.filter(organization=w.org).order_by("pk").values())
        for model in MODELS
    }


def list_ids(w):
    records = norte_records(w)
    return {
        "api:risk-list": ("id", {records["risk"].pk}),
        "api:riskreview-list": ("id", {records["review"].pk}),
        "api:committeemember-list": ("id", {records["member"].pk}),
        "api:committeemeeting-list": ("id", {records["meeting"].pk}),
        "api:securitypolicy-list": ("id", {records["policy"].pk}),
        "api:contingencyplan-list": ("id", {records["plan"].pk}),
        "api:drill-list": ("id", {records["drill"].pk}),
    }


WALK = WalkFixtures(
    build=build,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    snapshot=snapshot,
    list_ids=list_ids,
)
