import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from resguardo.core.models import Notification
from resguardo.testing.storage import files_stored

from .. import services
from ..choices import BadgeStatus, IdMasking
from ..models import Badge, Visit
from .factories import actor, badge, check_in, jpeg

pytestmark = pytest.mark.django_db


def test_check_in_records_the_visit_issues_the_badge_and_notifies_the_host(world):
    b = badge(world, "V-001")
    visit = check_in(world, host=world.sam, badge_number="v-001", plates="abc 123", photo=jpeg())
    b.refresh_from_db()
    assert visit.on_site and visit.badge == b and visit.plates == "ABC123"
    assert (
        b.status == BadgeStatus.ISSUED and b.visit == visit and b.holder_name == "Juan Pérez López"
    )
    assert visit.file and visit.content_type == "image/jpeg"
    note = Notification.objects.get(user=world.sam)
    # In the host's own language (the account's default is Spanish).
    assert note.title == "Juan Pérez López llegó a Patio Norte a verle"


def test_id_number_is_kept_as_the_policy_allows(world):
    assert check_in(world, full_name="Uno").id_number == "*********1HTS"
    services.gate_policy_save(actor=actor(world, world.carla), id_masking=IdMasking.NONE)
    assert check_in(world, full_name="Dos").id_number == ""
    services.gate_policy_save(actor=actor(world, world.carla), id_masking=IdMasking.FULL)
    assert check_in(world, full_name="Tres", id_number="ab-12 34").id_number == "AB1234"


def test_privacy_notice_must_be_shown_when_the_organization_has_one(world):
    services.gate_policy_save(actor=actor(world, world.carla), privacy_notice="Sus datos...")
    with pytest.raises(ValidationError) as error:
        check_in(world)
    assert "privacy_notice_shown" in error.value.message_dict
    visit = check_in(world, privacy_notice_shown=True)
    assert visit.privacy_notice_version == 1


def test_a_denied_person_is_refused_by_name_or_id(world):
    services.denied_person_add(
        actor=actor(world, world.carla),
        full_name="RAUL Esquivel",
        id_number="X-99",
        reason="Identificación alterada",
    )
    with pytest.raises(ValidationError) as error:
        check_in(world, full_name="Raúl  Esquivel")
    assert "denied-persons list (Identificación alterada)" in str(error.value)
    with pytest.raises(ValidationError):
        check_in(world, full_name="Otro Nombre", id_number="x99")
    assert not Visit.objects.exists()


def test_a_second_submission_is_refused_and_nothing_is_recorded_twice(world):
    b = badge(world, "V-001")
    check_in(world, badge_number="V-001")
    with pytest.raises(ValidationError) as error:
        check_in(world, badge_number="V-001")
    assert "already checked in at Patio Norte" in str(error.value)
    assert Visit.objects.count() == 1
    b.refresh_from_db()
    assert b.version == 2  # registered, issued once


def test_a_badge_already_out_is_refused(world):
    badge(world, "V-001")
    check_in(world, full_name="Primera", badge_number="V-001")
    with pytest.raises(ValidationError) as error, files_stored() as stored:
        check_in(world, full_name="Segunda", badge_number="V-001", photo=jpeg())
    assert "Badge V-001 is already out (held by Primera" in str(error.value)
    assert stored == []  # the photo left with the refused check-in
    assert Visit.objects.count() == 1


def test_lost_and_unknown_badges_are_refused(world):
    lost = badge(world, "V-002")
    services.badge_mark_lost(actor=actor(world, world.sofia), badge=lost)
    with pytest.raises(ValidationError, match="deactivated"):
        check_in(world, badge_number="V-002")
    with pytest.raises(ValidationError, match="no badge V-404"):
        check_in(world, badge_number="V-404")


def test_check_out_returns_the_badge(world):
    b = badge(world, "V-001")
    visit = check_in(world, badge_number="V-001")
    visit = services.visit_check_out(actor=actor(world, world.sofia), visit=visit)
    b.refresh_from_db()
    assert visit.checked_out_at and visit.badge_returned_at
    assert b.status == BadgeStatus.AVAILABLE and b.visit is None


def test_check_out_twice_or_of_someone_not_inside_is_refused(world):
    visit = check_in(world)
    services.visit_check_out(actor=actor(world, world.sofia), visit=visit)
    with pytest.raises(ValidationError, match="already checked out"):
        services.visit_check_out(actor=actor(world, world.sofia), visit=visit)
    with pytest.raises(ValidationError, match="Nobody checked in at Patio Norte holds badge V-9"):
        services.visit_check_out_by_badge(
            actor=actor(world, world.sofia), site=world.yard, badge_number="v-9"
        )


def test_check_out_by_badge_number(world):
    badge(world, "V-001")
    visit = check_in(world, badge_number="V-001")
    out = services.visit_check_out_by_badge(
        actor=actor(world, world.sofia), site=world.yard, badge_number="v-001"
    )
    assert out.pk == visit.pk and out.badge_returned_at is not None


def test_staff_record_only_at_their_sites_and_auditors_not_at_all(world):
    with pytest.raises(PermissionDenied):
        check_in(world, site=world.office)
    with pytest.raises(PermissionDenied):
        check_in(world, user=world.audrey)
    with pytest.raises(ValidationError):
        check_in(world, site=world.other_site, user=world.alice)


def test_a_host_from_another_organization_is_refused(world):
    with pytest.raises(ValidationError) as error:
        check_in(world, host=world.oscar)
    assert "host" in error.value.message_dict


def test_the_badge_of_another_site_is_refused(world):
    badge(world, "V-OFF", site=world.office)
    with pytest.raises(ValidationError, match="belongs to another site"):
        check_in(world, badge_number="V-OFF")
    assert Badge.objects.get(number="V-OFF").status == BadgeStatus.AVAILABLE
