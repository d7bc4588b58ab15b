"""The demo agency's standard 1 records."""

from django.urls import reverse

from resguardo.core.indicators import Status, read_indicators

from ..models import ContingencyPlan, Policy, RegisterReview, Risk


def test_demo_risks(db, client, django_capture_on_commit_callbacks, settings):
    from resguardo.accounts.demo import seed_demo

    settings.LANGUAGE_CODE = "en"
    with django_capture_on_commit_callbacks(execute=True):
        context = seed_demo()
    organization = context.organization
    assert Risk.objects.filter(organization=organization).count() == 8
    assert RegisterReview.objects.filter(organization=organization).count() == 1
    assert Policy.objects.filter(organization=organization).count() == 2
    readings = {
        r.key: r
        for r in read_indicators(
            ["risks.assessment_age", "risks.contingency_drill_age"], organization=organization
        )
    }
    assert readings["risks.assessment_age"].status == Status.MET
    assert readings["risks.contingency_drill_age"].status == Status.NOT_MET
    client.force_login(context.users["oea"])
    for name in (
        "risks:risk_list",
        "risks:review_list",
        "risks:review_create",
        "risks:committee",
        "risks:policy_list",
        "risks:plan_list",
        "risks:threat_list",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    for plan in ContingencyPlan.objects.filter(organization=organization):
        assert client.get(reverse("risks:plan_detail", args=[plan.pk])).status_code == 200
    for risk in Risk.objects.filter(organization=organization):
        assert client.get(reverse("risks:risk_detail", args=[risk.pk])).status_code == 200
