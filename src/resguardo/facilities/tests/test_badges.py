import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from resguardo.core.indicators import read_indicators
from resguardo.core.modules import held_items

from .. import services
from ..choices import BadgeKind, BadgeStatus
from ..indicators import badges_current, visitor_log_complete
from .factories import actor, badge, check_in

pytestmark = pytest.mark.django_db


def _employee_badge(world, number="E-1", **kwargs):
    b = badge(world, number, kind=BadgeKind.EMPLOYEE)
    defaults = {"expires_on": timezone.localdate() + datetime.timedelta(days=90)}
    defaults.update(kwargs)
    return services.badge_issue(actor=actor(world, world.sam), badge=b, **defaults)


def test_an_employee_badge_is_issued_with_an_expiry_and_cannot_go_out_twice(world):
    b = badge(world, "E-1", kind=BadgeKind.EMPLOYEE)
    with pytest.raises(ValidationError, match="need an expiry"):
        services.badge_issue(actor=actor(world, world.sam), badge=b, holder_user=world.sofia)
    issued = _employee_badge(world, "E-2", holder_user=world.sofia)
    assert issued.holder_name == world.sofia.get_full_name()
    with pytest.raises(ValidationError, match="already out"):
        services.badge_issue(actor=actor(world, world.sam), badge=issued, holder_name="Otro")


def test_a_lost_badge_is_deactivated_and_never_issued_again(world):
    issued = _employee_badge(world, holder_user=world.sofia)
    lost = services.badge_mark_lost(
        actor=actor(world, world.sofia), badge=issued, note="Extraviado"
    )
    assert lost.status == BadgeStatus.LOST
    with pytest.raises(ValidationError, match="deactivated"):
        services.badge_issue(actor=actor(world, world.sam), badge=lost, holder_name="Otro")
    with pytest.raises(ValidationError, match="nothing to return"):
        services.badge_return(actor=actor(world, world.sam), badge=lost)


def test_a_badge_not_returned_at_check_out_stays_open_and_shows_on_the_indicators(world):
    badge(world, "V-001")
    badge(world, "V-002")
    kept = check_in(world, full_name="Se lo llevó", badge_number="V-001")
    check_in(world, full_name="Sigue dentro", badge_number="V-002")
    assert badges_current(world.org).value == 100.0
    services.visit_check_out(actor=actor(world, world.sofia), visit=kept, badge_returned=False)
    kept.badge.refresh_from_db()
    assert kept.badge.status == BadgeStatus.ISSUED
    reading = badges_current(world.org)
    assert reading.value == 50.0 and (reading.numerator, reading.denominator) == (1, 2)
    assert visitor_log_complete(world.org).value == 50.0
    [result] = read_indicators(["facilities.badges_current"], organization=world.org)
    assert result.status == "not_met"
    # The badge comes back later: everything reconciles again.
    services.badge_return(actor=actor(world, world.sofia), badge=kept.badge)
    assert badges_current(world.org).value == 100.0
    assert visitor_log_complete(world.org).value == 100.0


def test_an_expired_employee_badge_is_not_current(world):
    _employee_badge(world, holder_user=world.sofia)
    b = _employee_badge(world, "E-9", holder_name="Vencido")
    b.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    b.save()
    assert badges_current(world.org).value == 50.0


def test_held_items_lists_badges_by_account_or_employee_number(world):
    _employee_badge(world, "E-1", holder_user=world.sofia)
    _employee_badge(world, "E-2", holder_name="Pedro Ruiz", employee_number="EMP-77")
    by_user = held_items(organization=world.org, user=world.sofia, employee_number="", full_name="")
    assert [i.label for i in by_user] == ["Badge E-1 (Employee)"]
    assert by_user[0].key.startswith("facilities.badge:") and by_user[0].module == "facilities"
    by_number = held_items(
        organization=world.org, user=None, employee_number="EMP-77", full_name="Pedro Ruiz"
    )
    assert [i.label for i in by_number] == ["Badge E-2 (Employee)"]
    assert (
        held_items(
            organization=world.other_org, user=world.sofia, employee_number="EMP-77", full_name=""
        )
        == []
    )


def test_the_home_page_counts_badges_out_with_nobody_inside(world, client_for):
    badge(world, "V-001")
    badge(world, "V-002")
    badge(world, "V-003")
    gone = check_in(world, full_name="Se lo llevó", badge_number="V-001")
    check_in(world, full_name="Sigue dentro", badge_number="V-002")
    check_in(world, full_name="También dentro", badge_number="V-003")
    services.visit_check_out(actor=actor(world, world.sofia), visit=gone, badge_returned=False)
    page = client_for(world.alice).get("/").content.decode()
    assert "2 people on site now" in page and "3 visitor badges out" in page
    assert "1 badge is out with nobody on site" in page
