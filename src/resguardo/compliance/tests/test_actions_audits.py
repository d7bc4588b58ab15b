import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance import selectors, services
from resguardo.compliance.choices import ActionSource, ActionStatus, AuditStatus, Severity
from resguardo.compliance.models import RequirementResult
from resguardo.core.actors import Actor


def _action(world, **kwargs):
    data = {
        "title": "Reparar barda perimetral",
        "due_date": timezone.localdate() - datetime.timedelta(days=3),
    }
    data.update(kwargs)
    return services.action_item_create(actor=world.actor(world.carla), **data)


def test_action_from_a_gap_carries_the_requirement(world, assessment):
    item = RequirementResult.objects.get(assessment=assessment, node__ref_id="2.3")
    action = _action(world, result=item)
    assert action.source == ActionSource.REQUIREMENT
    assert action.node.ref_id == "2.3"


def test_other_apps_raise_actions_with_their_source(world, db):
    action = services.action_item_raise(
        actor=Actor.system(world.org),
        title="Investigar sello alterado",
        source=ActionSource.INCIDENT,
        source_reference="incidents:42",
    )
    assert action.source == ActionSource.INCIDENT and action.organization == world.org


def test_overdue_list_and_verification_cycle(world, db):
    action = _action(world, owner=world.sofia)
    overdue = selectors.action_items_overdue(membership=world.membership(world.carla))
    assert list(overdue) == [action]
    sofia = world.membership(world.sofia)
    action = services.action_item_progress(
        actor=Actor.for_member(sofia), action=action, status=ActionStatus.IMPLEMENTED
    )
    assert not selectors.action_items_overdue(membership=world.membership(world.carla)).exists()
    with pytest.raises(PermissionDenied):
        services.action_item_verify(
            actor=Actor.for_member(sofia), action=action, effective=True, note="ok"
        )
    reopened = services.action_item_verify(
        actor=world.actor(world.carla),
        action=action,
        effective=False,
        note="La barda sigue dañada.",
    )
    assert reopened.status == ActionStatus.OPEN


def test_someone_else_cannot_progress_an_action(world, db):
    action = _action(world, owner=world.sofia)
    with pytest.raises(PermissionDenied):
        services.action_item_progress(
            actor=world.actor(world.sam),
            action=action,
            status=ActionStatus.IN_PROGRESS,
        )


def test_audit_with_findings_leading_to_actions(world, client_for, neec):
    membership = world.membership(world.carla)
    audit = services.internal_audit_create(
        actor=Actor.for_member(membership),
        title="Auditoría interna 2026",
        planned_date=timezone.localdate(),
        sites=[world.yard],
    )
    from resguardo.standards.models import RequirementNode

    finding = services.finding_create(
        actor=Actor.for_member(membership),
        audit=audit,
        title="Llaves sin bitácora",
        severity=Severity.MAJOR,
        node=RequirementNode.objects.get(urn="urn:resguardo:neec-aa:2023:2.5"),
    )
    services.action_item_create(
        actor=Actor.for_member(membership),
        finding=finding,
        title="Implementar bitácora de llaves",
    )
    with pytest.raises(ValidationError):
        services.internal_audit_update(
            actor=Actor.for_member(membership), audit=audit, status=AuditStatus.COMPLETED
        )
    page = client_for(world.audrey).get(reverse("compliance:audit_detail", args=[audit.pk]))
    body = page.content.decode()
    assert "Llaves sin bitácora" in body and "H-01" in body
    assert "Implementar bitácora de llaves" in body


def test_action_pages(world, client_for, db):
    action = _action(world)
    client = client_for(world.carla)
    listing = client.get(reverse("compliance:action_list") + "?overdue=true").content.decode()
    assert "Reparar barda perimetral" in listing and 'data-testid="overdue"' in listing
    response = client.post(
        reverse("compliance:action_progress", args=[action.pk]),
        {"status": "implemented", "version": action.version},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("compliance:action_verify", args=[action.pk]),
        {"effective": "1", "verification_note": "Inspección visual", "version": action.version + 1},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.VERIFIED
    assert client.get(reverse("compliance:action_verify", args=[action.pk])).status_code == 405
