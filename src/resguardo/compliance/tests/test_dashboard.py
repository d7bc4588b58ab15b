import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance import selectors, services
from resguardo.compliance.choices import Result
from resguardo.compliance.models import ReadinessSnapshot, RequirementResult
from resguardo.core import charts
from resguardo.core.indicators import Status, read_indicators

from .factories import ActionItemFactory, EvidenceFactory, start_assessment


def _answer(world, assessment, ref_id, result, **extra):
    item = RequirementResult.objects.get(assessment=assessment, node__ref_id=ref_id)
    return services.result_update(
        actor=world.actor(world.carla),
        target=item,
        result=result,
        **extra,
    )


def test_dashboard_readiness_per_standard_and_trend_snapshot(world, assessment):
    _answer(world, assessment, "1.1", Result.COMPLIANT)  # weight 2
    _answer(world, assessment, "1.2", Result.PARTIAL)
    _answer(world, assessment, "1.3", Result.NOT_APPLICABLE, justification="Sin patio")
    data = selectors.dashboard_data(membership=world.membership(world.alice))
    (current,) = data.current
    first = current.sections[0]
    assert first["ref_id"] == "1"
    assert first["readiness"] == 62.5  # (2×1 + 1×0.5) / (2 + 1 + 1): 1.3 left out
    snapshot = ReadinessSnapshot.objects.get(assessment=assessment, day=timezone.localdate())
    assert snapshot.readiness == current.overall
    assert [r.node.ref_id for r in data.gaps] == ["1.2"]
    assert data.gap_total == 1


def test_dashboard_query_count_does_not_grow_with_data(
    world, assessment, client_for, django_assert_max_num_queries
):
    client = client_for(world.alice)
    url = reverse("compliance:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for i in range(5):
        start_assessment(world, name=f"Otra {i}")
        EvidenceFactory.create_batch(20, organization=world.org, valid_until=timezone.localdate())
        ActionItemFactory.create_batch(
            5, organization=world.org, due_date=timezone.localdate() - datetime.timedelta(days=1)
        )
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) <= 25


def test_result_list_page_and_api_stay_within_ten_queries(
    world, assessment, client_for, api_for, django_assert_max_num_queries
):
    for ref in ("1.1", "2.1", "3.1"):
        _answer(world, assessment, ref, Result.PARTIAL)
    client = client_for(world.carla)
    url = reverse("compliance:result_list", args=[assessment.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as page:
        assert client.get(url).status_code == 200
    # Savepoints exist only because each test runs in a transaction; production autocommit
    # has none. Everything else counts: session, user, membership, and the page's own.
    statements = [q["sql"] for q in page.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) <= 10, statements
    api = api_for(world.carla)
    with django_assert_max_num_queries(10):
        assert len(api.get(f"/api/v1/assessments/{assessment.pk}/results/").json()) == 35
    with django_assert_max_num_queries(10):
        assert api.get(f"/api/v1/assessments/{assessment.pk}/tree/").status_code == 200


def test_compliance_indicators_read_with_targets(world, db):
    EvidenceFactory(
        organization=world.org, valid_until=timezone.localdate() - datetime.timedelta(days=2)
    )
    EvidenceFactory(organization=world.org)
    ActionItemFactory(
        organization=world.org, due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    readings = {
        r.key: r
        for r in read_indicators(
            [
                "compliance.evidence_fresh",
                "compliance.overdue_actions",
                "compliance.internal_audit_age",
                "compliance.assessment_age",
                "people.unknown",
            ],
            organization=world.org,
        )
    }
    assert readings["compliance.evidence_fresh"].reading.value == 50.0
    assert readings["compliance.evidence_fresh"].status == Status.NOT_MET
    assert readings["compliance.overdue_actions"].reading.value == 1
    assert readings["compliance.internal_audit_age"].status == Status.NO_DATA
    assert readings["people.unknown"].indicator is None


def test_recognition_view_shows_coverage_and_uncovered_criteria(world, catalog, client_for):
    assessment = start_assessment(world, library=catalog)
    _answer(world, assessment, "1.1", Result.COMPLIANT)
    view = selectors.recognition_view(membership=world.membership(world.carla))
    keys = [r.mapping_set.target_library.framework.key for r in view.reports]
    assert keys == ["ctpat-msc", "wco-safe"]
    ctpat = view.reports[0].by_urn()
    assert ctpat["urn:resguardo:ctpat-msc:2019-r2:2.1"].status == "full"  # 1.1 superset of 2.1
    body = client_for(world.audrey).get(reverse("compliance:recognition")).content.decode()
    assert 'data-testid="coverage-ctpat-msc"' in body and "<svg" in body
    assert 'data-testid="uncovered"' in body


def test_charts_are_pure_escaped_svg():
    svg = charts.bar_chart([("<script>", 40.0), ("Sin datos", None)], title="Título & más")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "Título &amp; más" in svg
    line = charts.line_chart(
        [("NEEC", [(datetime.date(2026, 1, 1), 20.0), (datetime.date(2026, 2, 1), 60.0)])],
        title="t",
    )
    assert "<polyline" in line
    donut = charts.donut_chart(
        [("ok", 3, charts.OK), ("no", 1, charts.BAD)], title="d", center_text="75%"
    )
    assert donut.count("stroke-dasharray") == 2
