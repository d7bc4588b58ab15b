import pytest

from resguardo.accounts.demo import seed_demo
from resguardo.incidents.choices import IncidentSource, IncidentStatus, NoticeStatus
from resguardo.incidents.models import Incident, Notice, ReportingLink

pytestmark = pytest.mark.django_db


def test_demo_shows_incidents_in_every_state(django_capture_on_commit_callbacks):
    from resguardo.standards.services import LIBRARIES_DIR, libraries_load

    libraries_load(paths=[LIBRARIES_DIR / "inspection-points-2019.yaml"])
    with django_capture_on_commit_callbacks(execute=True):
        context = seed_demo()
    incidents = Incident.objects.filter(organization=context.organization)
    sources = set(incidents.values_list("source", flat=True))
    assert sources == {IncidentSource.MEMBER, IncidentSource.ANONYMOUS, IncidentSource.EVENT}
    # The conveyance demo's seal discrepancies (a tampered seal, a lost one) opened their
    # incidents through the event; the tampered one owes a notice to the foreign authority.
    from_seals = incidents.filter(source_key__startswith="conveyance.seal_discrepancy:")
    assert from_seals.count() == 2
    assert Notice.objects.filter(incident__in=from_seals, recipient="foreign_auth").count() == 1
    assert incidents.filter(status=IncidentStatus.CLOSED).count() == 1
    overdue = Notice.objects.filter(
        organization=context.organization, status=NoticeStatus.PENDING, escalated_at__isnull=False
    )
    assert overdue.exists()
    assert ReportingLink.objects.filter(organization=context.organization, is_active=True).exists()
