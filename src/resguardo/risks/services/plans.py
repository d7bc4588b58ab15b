"""Writes for contingency plans, their contacts and their drills."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.permissions import Perm, require_perm
from resguardo.core.writes import create_audited, update_audited

from ..models import ContingencyPlan, Drill, PlanContact
from .common import add_months, check_member, check_members, check_own, check_site, require_text
from .compliance_actions import open_drill_action

PLAN_FIELDS = (
    "title",
    "scenario",
    "site",
    "procedure",
    "owner",
    "drill_every_months",
    "next_drill_on",
    "is_active",
)


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    phone: str = ""
    email: str = ""


def _check_plan(actor, values: dict) -> None:
    require_text(values, "title", "procedure")
    check_site(actor, values.get("site"))
    check_member(actor.organization, "owner", values.get("owner"))
    months = values.get("drill_every_months")
    if months is not None and not 1 <= months <= 12:
        raise ValidationError(
            {"drill_every_months": _("Drill each plan at least once a year (1 to 12 months).")}
        )


def _replace_contacts(actor, plan, contacts) -> None:
    for n, contact in enumerate(contacts, start=1):
        if not contact.role.strip() or not contact.name.strip():
            raise ValidationError(
                {"contacts": _("Contact %(n)s: give a role and a name.") % {"n": n}}
            )
    PlanContact.objects.filter(plan=plan).delete()
    rows = [
        PlanContact(
            organization=actor.organization,
            plan=plan,
            order=n,
            role=c.role.strip(),
            name=c.name.strip(),
            phone=c.phone.strip(),
            email=c.email.strip(),
        )
        for n, c in enumerate(contacts, start=1)
    ]
    for row in rows:
        row.full_clean(exclude=["plan", "organization"])
    PlanContact.objects.bulk_create(rows)


@transaction.atomic
def plan_create(
    *,
    actor,
    title,
    scenario,
    procedure,
    site=None,
    owner=None,
    drill_every_months=12,
    next_drill_on=None,
    contacts=(),
) -> ContingencyPlan:
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    values = {
        "title": title,
        "procedure": procedure,
        "site": site,
        "owner": owner,
        "drill_every_months": drill_every_months,
    }
    _check_plan(actor, values)
    plan = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=ContingencyPlan(
            organization=actor.organization,
            title=title.strip(),
            scenario=scenario,
            procedure=procedure,
            site=site,
            owner=owner,
            drill_every_months=drill_every_months,
            next_drill_on=next_drill_on or add_months(timezone.localdate(), drill_every_months),
        ),
        verb="risks.plan.created",
    )
    _replace_contacts(actor, plan, contacts)
    return plan


@transaction.atomic
def plan_update(*, actor, plan, expected_version=None, contacts=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "plan", plan)
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    _check_plan(actor, changes)
    plan = update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=plan,
        changes=changes,
        expected_version=expected_version,
    )
    if contacts is not None:
        _replace_contacts(actor, plan, contacts)
    return plan


@transaction.atomic
def drill_record(
    *,
    actor,
    plan,
    held_on,
    duration_minutes,
    participants=(),
    other_participants="",
    went_wrong="",
    lessons="",
    actions=(),
) -> Drill:
    """A drill of the plan: the next one falls due `drill_every_months` after it, and each
    action line becomes a compliance action for the plan's owner."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    check_own(actor, "plan", plan)
    errors = {}
    if held_on > timezone.localdate():
        errors["held_on"] = _("Record a drill once it has been held.")
    if not duration_minutes or duration_minutes < 1:
        errors["duration_minutes"] = _("Say how long the drill lasted, in minutes.")
    if not participants and not other_participants.strip():
        errors["participants"] = _("Say who took part.")
    if errors:
        raise ValidationError(errors)
    check_members(actor.organization, "participants", participants)
    drill = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Drill(
            organization=actor.organization,
            plan=plan,
            held_on=held_on,
            duration_minutes=duration_minutes,
            other_participants=other_participants,
            went_wrong=went_wrong,
            lessons=lessons,
            recorded_by=actor.user,
        ),
        m2m={"participants": list(participants)},
        verb="risks.drill.recorded",
        data={"plan": plan.title},
    )
    plan = ContingencyPlan.objects.select_for_update().get(pk=plan.pk)
    # The clock restarts at the latest drill (recording an older one never moves it back).
    latest = plan.drills.aggregate(last=Max("held_on"))["last"]
    following = add_months(latest, plan.drill_every_months)
    if following != plan.next_drill_on:
        update_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=plan,
            changes={"next_drill_on": following},
        )
    for title in actions:
        if title.strip():
            open_drill_action(actor=actor, drill=drill, title=title.strip()[:200])
    return drill
