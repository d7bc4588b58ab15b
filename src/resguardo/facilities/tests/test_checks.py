import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance.models import ActionItem
from resguardo.core.models import OutboxEvent
from resguardo.core.modules import due_dates

from ..choices import CheckKind, RunStatus
from ..indicators import cctv_review_age, physical_checks_current
from ..models import RoundScan
from ..services import checks
from ..services.sites import camera_save, site_profile_save
from .factories import actor

pytestmark = pytest.mark.django_db


def _round(world, site=None, points=("Puerta norte", "Bodega", "Cerca sur"), user=None):
    return checks.check_type_create(
        actor=actor(world, user or world.carla),
        site=site or world.yard,
        kind=CheckKind.GUARD_ROUND,
        name="Rondín nocturno",
        frequency_days=1,
        checkpoints=points,
    )


def _codes(check):
    return [c.code for c in check.checkpoints.all()]


def test_a_round_with_missing_checkpoints_is_recorded_incomplete(world):
    rondin = _round(world)
    first, second, _third = _codes(rondin)
    scan, _ = checks.round_scan(actor=actor(world, world.sofia), code=first)
    checks.round_scan(actor=actor(world, world.sofia), code=second)
    run = checks.round_finish(actor=actor(world, world.sofia), run=scan.run)
    assert run.status == RunStatus.INCOMPLETE
    assert "Checkpoints not scanned: Cerca sur." in run.finding
    rondin.refresh_from_db()
    assert rondin.last_done_at is None  # an incomplete round does not count as done


def test_a_complete_round_moves_the_next_due_date(world):
    rondin = _round(world)
    for code in _codes(rondin):
        scan, _ = checks.round_scan(actor=actor(world, world.sofia), code=code)
    run = checks.round_finish(actor=actor(world, world.sofia), run=scan.run)
    assert run.status == RunStatus.PASSED and run.scans.count() == 3
    rondin.refresh_from_db()
    assert rondin.next_due_on == timezone.localdate() + datetime.timedelta(days=1)


def test_a_duplicate_scan_is_recorded_once(world):
    rondin = _round(world)
    code = _codes(rondin)[0]
    first, created = checks.round_scan(actor=actor(world, world.sofia), code=code)
    again, created_again = checks.round_scan(actor=actor(world, world.sofia), code=code)
    assert created and not created_again and first.pk == again.pk
    assert RoundScan.objects.count() == 1


def test_another_organizations_checkpoint_is_refused(world):
    theirs = _round(world, site=world.other_site, user=world.oscar)
    with pytest.raises(ValidationError, match="not one of your organization's"):
        checks.round_scan(actor=actor(world, world.sofia), code=_codes(theirs)[0])
    assert RoundScan.objects.count() == 0


def test_a_checkpoint_of_another_site_or_round_is_refused(world):
    office_round = _round(world, site=world.office)
    with pytest.raises(PermissionDenied):
        checks.round_scan(actor=actor(world, world.sofia), code=_codes(office_round)[0])
    yard_round = _round(world)
    scan, _ = checks.round_scan(actor=actor(world, world.alice), code=_codes(yard_round)[0])
    with pytest.raises(ValidationError, match="another round or site"):
        checks.round_scan(
            actor=actor(world, world.alice), code=_codes(office_round)[0], run=scan.run
        )


def test_the_qr_page_records_the_scan_for_the_signed_in_guard(world, client_for):
    rondin = _round(world)
    code = _codes(rondin)[0]
    client = client_for(world.sofia)
    page = client.get(reverse("facilities:scan", args=[code]))
    assert "Puerta norte" in page.content.decode() and RoundScan.objects.count() == 0
    response = client.post(reverse("facilities:scan", args=[code]), follow=True)
    assert "Puerta norte scanned." in response.content.decode()
    response = client.post(reverse("facilities:scan", args=[code]), follow=True)
    assert "already scanned on this round; recorded once" in response.content.decode()
    assert RoundScan.objects.get().scanned_by == world.sofia
    oscar = client_for(world.oscar)
    assert oscar.get(reverse("facilities:scan", args=[code])).status_code == 404
    assert oscar.post(reverse("facilities:scan", args=[code])).status_code == 404
    assert RoundScan.objects.count() == 1


def test_the_checkpoint_sheet_prints_one_qr_code_per_checkpoint(world, client_for):
    rondin = _round(world)
    html = client_for(world.sam).get(reverse("facilities:checkpoint_sheet", args=[rondin.pk]))
    html = html.content.decode()
    assert html.split("<main", 1)[1].count("<svg") == 3 and "Cerca sur" in html


def test_a_failed_check_becomes_a_compliance_action(world, django_capture_on_commit_callbacks):
    lights = checks.check_type_create(
        actor=actor(world, world.carla),
        site=world.yard,
        kind=CheckKind.LIGHTING,
        name="Alumbrado del patio",
        frequency_days=7,
    )
    with pytest.raises(ValidationError, match="Say what was wrong"):
        checks.check_record(actor=actor(world, world.sofia), check_type=lights, passed=False)
    run = checks.check_record(
        actor=actor(world, world.sofia),
        check_type=lights,
        passed=False,
        finding="Dos reflectores fundidos en la zona de carga",
    )
    action = ActionItem.objects.get()
    assert action.source_reference == f"facilities.check_run:{run.pk}"
    assert "Alumbrado del patio" in action.title and action.site == world.yard
    assert not OutboxEvent.objects.exists()


def test_a_failed_check_that_is_a_security_event_publishes_one_event(world):
    fence = checks.check_type_create(
        actor=actor(world, world.carla),
        site=world.yard,
        kind=CheckKind.PERIMETER,
        name="Cerca perimetral",
        frequency_days=1,
    )
    run = checks.check_record(
        actor=actor(world, world.sofia),
        check_type=fence,
        passed=False,
        finding="Malla cortada junto al acceso 2",
        is_security_event=True,
    )
    event = OutboxEvent.objects.get()
    assert event.event_type == "facilities.check_security_event"
    assert event.payload["source_key"] == f"facilities.check_run:{run.pk}"
    assert not ActionItem.objects.exists()


def test_a_cctv_review_names_cameras_and_a_time_range(world):
    camera = camera_save(
        actor=actor(world, world.carla),
        site=world.yard,
        name="CAM-01",
        location="Acceso",
        retention_days=15,
    )
    assert camera.retention_short
    review = checks.check_type_create(
        actor=actor(world, world.carla),
        site=world.yard,
        kind=CheckKind.CCTV_REVIEW,
        name="Revisión de grabaciones",
        frequency_days=7,
    )
    now = timezone.now()
    with pytest.raises(ValidationError, match="cameras"):
        checks.check_record(actor=actor(world, world.sofia), check_type=review, passed=True)
    run = checks.check_record(
        actor=actor(world, world.sofia),
        check_type=review,
        passed=True,
        cameras=[camera],
        review_from=now - datetime.timedelta(hours=8),
        review_to=now,
    )
    assert list(run.cameras.all()) == [camera]
    assert cctv_review_age(world.org).value == 0


def test_overdue_checks_feed_the_calendar_and_the_indicator(world):
    rondin = _round(world)
    assert physical_checks_current(world.org).value == 100.0
    rondin.next_due_on = timezone.localdate() - datetime.timedelta(days=2)
    rondin.save()
    assert physical_checks_current(world.org).value == 0.0
    found = due_dates(organization=world.org, start=None, end=timezone.localdate())
    assert [d.key for d in found if d.module == "facilities"] == [f"facilities.check:{rondin.pk}"]


def test_the_site_profile_keeps_every_version(world, client_for):
    first = site_profile_save(
        actor=actor(world, world.carla), site=world.yard, has_fence=True, perimeter="Malla"
    )
    second = site_profile_save(
        actor=actor(world, world.carla),
        site=world.yard,
        perimeter="Barda de concreto",
        change_note="Se construyó barda",
        expected_number=1,
    )
    first.refresh_from_db()
    assert (first.number, first.is_current, first.perimeter) == (1, False, "Malla")
    assert (second.number, second.is_current, second.has_fence) == (2, True, True)
    with pytest.raises(ValidationError):
        site_profile_save(
            actor=actor(world, world.carla), site=world.yard, perimeter="Otra", expected_number=1
        )
    html = client_for(world.audrey).get(reverse("facilities:profile_detail", args=[second.pk]))
    assert "Barda de concreto" in html.content.decode() and "v1" in html.content.decode()
