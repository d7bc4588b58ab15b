"""The renewal readiness page lists each item that stands between the agency and renewal."""

import datetime

from django.urls import reverse
from django.utils import timezone

from resguardo.compliance import services as compliance
from resguardo.compliance.tests.factories import (
    ActionItemFactory,
    EvidenceFactory,
    answer_all,
    start_assessment,
)

from .. import services
from ..choices import AvisoKind, PrerequisiteKind
from .factories import actor_for, day, granted


def _frozen_with_a_gap(world):
    assessment = start_assessment(world)
    answer_all(world, assessment)
    gap = assessment.results.get(node__ref_id="2.5")
    compliance.result_update(
        actor=world.actor(world.carla),
        target=gap,
        result="non_compliant",
        answer="No hay bitácora de llaves.",
    )
    assessment.refresh_from_db()
    return compliance.assessment_freeze(actor=world.actor(world.alice), assessment=assessment)


def test_the_renewal_page_lists_each_missing_item(world, client_for):
    actor = actor_for(world, world.carla)
    granted(world, expires_offset=20)
    services.prerequisite_record(
        actor=actor,
        kind=PrerequisiteKind.OPINION_32D,
        is_positive=True,
        issued_on=day(-120),
        valid_until=day(-30),
        reference="Opinión vencida",
    )
    frozen = _frozen_with_a_gap(world)
    ActionItemFactory(organization=world.org, title="Reparar la barda", due_date=day(-4))
    EvidenceFactory(organization=world.org, title="Póliza de seguro", valid_until=day(-2))
    services.aviso_create(
        actor=actor, kind=AvisoKind.CHANGE, description="Alta de mandatario", due_on=day(-3)
    )
    services.requirement_create(
        actor=actor, reference="AGACE-777", received_on=day(-2), deadline=day(8),
        description="Aclarar gafetes",
    )  # fmt: skip

    page = client_for(world.carla).get(reverse("certification:readiness")).content.decode()
    assert "20 days left: renewal window open" in page
    assert "Opinión de cumplimiento (CFF 32-D) positive" in page  # expired → unmet
    assert frozen.name in page
    assert "2.5" in page and "Non-compliant" in page
    assert "Reparar la barda" in page
    assert "Póliza de seguro" in page
    assert "File the aviso: Change aviso (rule 7.2.1)" in page  # an overdue obligation
    assert "AGACE-777" in page


def test_nothing_frozen_is_said_and_an_outsider_sees_none_of_it(world, client_for):
    granted(world)
    page = client_for(world.carla).get(reverse("certification:readiness")).content.decode()
    assert "No self-assessment has been frozen yet" in page
    other = client_for(world.oscar).get(reverse("certification:readiness")).content.decode()
    assert "No certification is recorded" in other


def test_due_dates_feed_the_calendar(world):
    from resguardo.core.modules import due_dates

    certification = granted(world, granted_offset=-400, expires_offset=330)
    actor = actor_for(world, world.carla)
    services.requirement_create(actor=actor, reference="R-1", received_on=day(-1),
                                deadline=day(5), description="x")  # fmt: skip
    today = timezone.localdate()
    items = due_dates(
        organization=world.org,
        start=None,
        end=today + datetime.timedelta(days=400),
        membership=world.membership(world.carla),
    )
    keys = {item.key for item in items}
    assert f"certification.renewal:{certification.pk}" in keys
    fee_year = services.anniversary(certification.granted_on, certification.granted_on.year + 1)
    assert f"certification.fee:{certification.pk}:{fee_year.year}" in keys
    assert any(k.startswith("certification.requirement:") for k in keys)
    assert f"certification.profile_update:{world.org.pk}" in keys
    # staff see only what their permission allows: the requirement, not the fee
    staff_items = due_dates(
        organization=world.org,
        start=None,
        end=today + datetime.timedelta(days=400),
        membership=world.membership(world.sofia),
    )
    staff = {item.key for item in staff_items}
    assert not any(k.startswith("certification.fee:") for k in staff)
    assert any(k.startswith("certification.requirement:") for k in staff)
