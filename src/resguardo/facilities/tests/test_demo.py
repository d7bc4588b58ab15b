import pytest

from resguardo.accounts.demo import seed_demo
from resguardo.core.indicators import read_indicators

from ..models import Badge, CheckRun, Key, SiteProfile, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def checklists(db):
    from resguardo.standards.services import LIBRARIES_DIR, libraries_load

    libraries_load(paths=[LIBRARIES_DIR / "inspection-points-2019.yaml"])


def test_the_demo_shows_a_gate_with_people_inside_and_a_badge_not_returned(checklists):
    org = seed_demo().organization
    inside = Visit.objects.filter(organization=org, checked_out_at__isnull=True)
    assert inside.count() == 3 and Visit.objects.filter(organization=org).count() > 30
    kept = Badge.objects.get(organization=org, number="VP-003")
    assert kept.status == "issued" and kept.visit.checked_out_at is not None
    assert SiteProfile.objects.filter(organization=org, site__name__startswith="Patio").count() == 2
    assert CheckRun.objects.filter(organization=org, status="incomplete").exists()
    assert Key.objects.filter(organization=org, status="issued").count() == 1
    readings = {
        r.key: r.reading.value
        for r in read_indicators(
            ["facilities.badges_current", "facilities.visitor_log_complete"], organization=org
        )
    }
    assert 0 < readings["facilities.badges_current"] < 100
    assert 0 < readings["facilities.visitor_log_complete"] < 100
