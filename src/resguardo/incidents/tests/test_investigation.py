"""The investigation file: checklist, timeline, evidence with its chain of custody, actions
in the compliance module, closure rules, reopening."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resguardo.compliance.choices import ActionSource
from resguardo.compliance.models import ActionItem
from resguardo.core.exceptions import ConcurrentEditError
from resguardo.core.models import AuditEntry

from .. import services
from ..choices import ChecklistItem, IncidentStatus
from ..models import EvidenceView
from .factories import actor, report

pytestmark = pytest.mark.django_db


def test_closing_needs_a_root_cause_and_an_action_or_a_reason(world):
    incident = report(world)
    carla = actor(world, world.carla)
    with pytest.raises(ValidationError) as error:
        services.incident_close(actor=carla, incident=incident)
    assert set(error.value.error_dict) == {"root_cause", "no_action_reason"}
    services.action_add(actor=carla, incident=incident, title="Cambiar proveedor de sellos")
    action = ActionItem.objects.get(organization=world.org)
    assert (action.source, action.source_reference) == (ActionSource.INCIDENT, incident.reference)
    incident.refresh_from_db()
    services.incident_close(actor=carla, incident=incident, root_cause="Sello de baja calidad")
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.CLOSED


def test_a_written_reason_replaces_the_action(world):
    incident = report(world)
    services.incident_close(
        actor=actor(world, world.carla),
        incident=incident,
        root_cause="Error de captura del número",
        no_action_reason="No hubo falla de seguridad",
    )
    incident.refresh_from_db()
    assert incident.is_closed


def test_a_closed_incident_refuses_edits_until_reopened_and_the_reopening_is_recorded(
    world, client_for
):
    carla = actor(world, world.carla)
    incident = report(world)
    services.incident_close(
        actor=carla, incident=incident, root_cause="Causa", no_action_reason="Ninguna"
    )
    incident.refresh_from_db()
    for attempt in (
        lambda: services.note_add(actor=carla, incident=incident, text="Otra nota"),
        lambda: services.incident_update(actor=carla, incident=incident, title="Nuevo"),
        lambda: services.checklist_mark(
            actor=carla, incident=incident, item=ChecklistItem.CCTV, done=True
        ),
    ):
        with pytest.raises(ValidationError, match="closed: reopen it first"):
            attempt()
    page = client_for(world.carla).post(
        reverse("incidents:note_add", args=[incident.pk]), {"text": "Nota"}
    )
    assert "This incident is closed: reopen it first" in page.content.decode()
    services.incident_reopen(actor=carla, incident=incident, reason="Apareció video nuevo")
    incident.refresh_from_db()
    assert (incident.status, incident.reopen_count) == (IncidentStatus.INVESTIGATING, 1)
    assert AuditEntry.objects.filter(verb="incident.reopened").count() == 1
    assert incident.timeline.filter(text__contains="Apareció video nuevo").exists()
    services.note_add(actor=carla, incident=incident, text="Se revisa el video")


def test_evidence_keeps_its_hash_and_every_viewing(world, client_for):
    incident = report(world)
    content = b"bitacora de acceso 14:02"
    evidence = services.evidence_add(
        actor=actor(world, world.carla),
        incident=incident,
        file=SimpleUploadedFile("bitacora.txt", content),
        description="Bitácora",
    )
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    client = client_for(world.alice)
    download = client.get(reverse("incidents:evidence_download", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == content
    assert EvidenceView.objects.filter(evidence=evidence, viewer=world.alice).count() == 1
    custody = client.get(reverse("incidents:evidence_custody", args=[evidence.pk])).content.decode()
    assert evidence.sha256 in custody
    assert str(world.alice) in custody and str(world.carla) in custody


def test_staff_on_the_case_may_work_on_it_but_not_close_it(world):
    incident = report(world, user=world.alice)
    services.access_grant(actor=actor(world, world.carla), incident=incident, user=world.sofia)
    sofia = actor(world, world.sofia)
    services.checklist_mark(actor=sofia, incident=incident, item=ChecklistItem.CCTV, done=True)
    incident.refresh_from_db()
    assert incident.checklist[ChecklistItem.CCTV]["done"]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.incident_close(
            actor=sofia, incident=incident, root_cause="x", no_action_reason="y"
        )


def test_two_officers_editing_the_same_version_cannot_both_save(world):
    incident = report(world)
    carla = actor(world, world.carla)
    version = incident.version
    services.incident_update(
        actor=carla, incident=incident, expected_version=version, root_cause="Primera"
    )
    stale = type(incident).objects.get(pk=incident.pk)
    with pytest.raises(ConcurrentEditError):
        services.incident_update(
            actor=actor(world, world.alice),
            incident=stale,
            expected_version=version,
            root_cause="Segunda",
        )


def test_the_file_page_shows_the_checklist_from_the_facts(world, client_for):
    incident = report(world)
    page = client_for(world.carla).get(reverse("incidents:incident_detail", args=[incident.pk]))
    body = page.content.decode()
    for label in ("CCTV footage", "GPS tracking report", "Driver identification and access logs"):
        assert label in body
