"""The demo agency's partners."""

from django.urls import reverse

from ..choices import HitStatus, PartnerStatus
from ..models import Partner, ScreeningHit


def test_demo_partners(db, client, django_capture_on_commit_callbacks):
    from resguardo.accounts.demo import seed_demo

    with django_capture_on_commit_callbacks(execute=True):
        context = seed_demo()
    partners = Partner.objects.filter(organization=context.organization)
    assert partners.count() == 12
    assert {p.kind for p in partners} >= {
        "client",
        "carrier",
        "warehouse",
        "correspondent",
        "forwarder",
    }
    assert partners.get(status=PartnerStatus.BLOCKED).legal_name.startswith(
        "Comercializadora Pacífico"
    )
    statuses = sorted(h.status for h in ScreeningHit.objects.all())
    assert statuses == sorted([HitStatus.TRUE_MATCH, HitStatus.FALSE_POSITIVE])
    assert [p.legal_name for p in partners if p.review_overdue] == [
        "Exportadora Agrícola de Sinaloa, S.P.R. de R.L."
    ]
    client.force_login(context.users["oea"])
    for name in (
        "partners:partner_list",
        "partners:review_schedule",
        "partners:review_calendar",
        "partners:hit_list",
        "partners:watchlist_list",
        "partners:questionnaire_list",
        "partners:certification_list",
        "partners:finding_list",
        "partners:screening_runs",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    for partner in partners:
        assert client.get(reverse("partners:partner_detail", args=[partner.pk])).status_code == 200
