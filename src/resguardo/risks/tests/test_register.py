import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.compliance.models import ActionItem
from resguardo.core.indicators import Status, read_indicators

from .. import services
from ..models import RegisterReview, Risk, ThreatCategory
from ..selectors import heat_counts, risk_list
from .factories import actor_for, risk, threat

pytestmark = pytest.mark.django_db


def test_likelihood_outside_the_scale_is_refused_naming_the_field(world):
    with pytest.raises(ValidationError) as refused:
        risk(world, ratings=(6, 3, 2, 2))
    assert set(refused.value.message_dict) == {"inherent_likelihood"}
    assert "1 to 5" in refused.value.message_dict["inherent_likelihood"][0]
    assert not Risk.objects.exists()


def test_the_page_names_the_field_out_of_scale(world, client_for):
    client = client_for(world.carla)
    response = client.post(
        reverse("risks:risk_create"),
        {
            "title": "Robo en ruta",
            "process": "Traslado",
            "threat": threat(world.org).pk,
            "inherent_likelihood": 3,
            "inherent_impact": 3,
            "residual_likelihood": 9,
            "residual_impact": 2,
            "treatment": "mitigate",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "Rate it from 1 to 5" in response.context["form"].errors["residual_likelihood"][0]
    assert not Risk.objects.exists()


def test_the_api_names_the_field_out_of_scale(world, api_for):
    api = api_for(world.carla)
    response = api.post(
        "/api/v1/risks/",
        {
            "title": "Robo",
            "process": "Ruta",
            "threat": threat(world.org).pk,
            "inherent_likelihood": 2,
            "inherent_impact": 0,
            "residual_likelihood": 1,
            "residual_impact": 1,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "inherent_impact" in response.json()


def test_a_larger_scale_accepts_what_the_default_refuses(world):
    services.scale_update(
        actor=actor_for(world, world.carla),
        likelihood_levels=6,
        impact_levels=5,
        medium_from=6,
        high_from=15,
    )
    assert risk(world, ratings=(6, 3, 2, 2)).inherent_likelihood == 6


def test_the_scale_cannot_shrink_below_rated_risks(world):
    risk(world, ratings=(5, 5, 4, 4))
    with pytest.raises(ValidationError) as refused:
        services.scale_update(
            actor=actor_for(world, world.carla),
            likelihood_levels=3,
            impact_levels=5,
            medium_from=3,
            high_from=8,
        )
    assert "likelihood_levels" in refused.value.message_dict


def test_threat_catalog_is_shipped_once_and_edited_per_organization(world):
    assert services.threats_seed(organization=world.org) == 9
    assert services.threats_seed(organization=world.org) == 0
    theft = threat(world.org)
    services.threat_update(
        actor=actor_for(world, world.carla), threat=theft, name="Robo de tractocamión"
    )
    assert ThreatCategory.objects.get(pk=theft.pk).label == "Robo de tractocamión"
    assert threat(world.other_org).label == "Cargo theft and hijacking"


def test_a_yearly_review_freezes_the_register_and_the_indicator_resets(world):
    carla = actor_for(world, world.carla)
    robbery = risk(world, ratings=(4, 4, 3, 3))
    with time_machine.travel(timezone.now() - datetime.timedelta(days=400)):
        first = services.register_review_sign(actor=carla, statement="Revisión anual 2025")
    [stale] = read_indicators(["risks.assessment_age"], organization=world.org)
    assert stale.reading.value >= 400 and stale.status == Status.NOT_MET

    services.risk_update(actor=carla, risk=robbery, residual_likelihood=5, residual_impact=5)
    added = risk(world, title="Ransomware")
    second = services.register_review_sign(actor=carla, statement="Revisión anual 2026")

    [fresh] = read_indicators(["risks.assessment_age"], organization=world.org)
    assert fresh.reading.value == 0 and fresh.status == Status.MET
    first.refresh_from_db()
    assert [r["residual_likelihood"] for r in first.snapshot["risks"]] == [3]  # frozen as signed
    assert second.number == 2 and second.reviewed_by == world.carla
    assert second.changes["added"] == [{"code": added.code, "title": "Ransomware"}]
    [changed] = second.changes["changed"]
    assert changed["fields"]["residual_likelihood"] == [3, 5]
    assert len(second.content_hash) == 64 and second.content_hash != first.content_hash


def test_signing_needs_the_approval_permission_and_a_statement(world):
    risk(world)
    with pytest.raises(PermissionDenied):
        services.register_review_sign(actor=actor_for(world, world.sam), statement="x")
    with pytest.raises(ValidationError) as refused:
        services.register_review_sign(actor=actor_for(world, world.carla), statement=" ")
    assert "statement" in refused.value.message_dict
    assert not RegisterReview.objects.exists()


def test_review_page_compares_with_the_previous_version(world, client_for):
    carla = actor_for(world, world.carla)
    robbery = risk(world, title="Robo en ruta")
    services.register_review_sign(actor=carla, statement="v1")
    services.risk_update(actor=carla, risk=robbery, residual_impact=5)
    second = services.register_review_sign(actor=carla, statement="v2")
    page = client_for(world.audrey).get(reverse("risks:review_detail", args=[second.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Residual risk, version 1" in text and "Residual risk, version 2" in text
    assert "Robo en ruta" in text and "Residual impact 3 → 5" in text


def test_heat_map_counts_active_risks_per_cell(world, client_for):
    risk(world, ratings=(4, 4, 2, 3))
    risk(world, ratings=(4, 4, 2, 3))
    retired = risk(world, ratings=(5, 5, 5, 5))
    services.risk_update(actor=actor_for(world, world.carla), risk=retired, status="retired")
    counts = heat_counts(risk_list(membership=world.membership(world.carla)))
    assert counts == {(2, 3): 2}
    page = client_for(world.carla).get(reverse("risks:risk_list"))
    assert page.status_code == 200
    assert "<svg" in page.context["residual_map"] and ">2</text>" in page.context["residual_map"]


def test_treatment_action_is_a_compliance_action(world, client_for):
    robbery = risk(world)
    response = client_for(world.carla).post(
        reverse("risks:risk_action", args=[robbery.pk]),
        {"title": "Custodia armada", "owner": world.sam.pk, "due_date": "2027-01-31"},
    )
    assert response.status_code == 302
    action = ActionItem.objects.get(organization=world.org)
    assert (action.source, action.source_reference, action.owner) == (
        "risk",
        f"risk:{robbery.pk}",
        world.sam,
    )
    page = client_for(world.carla).get(reverse("risks:risk_detail", args=[robbery.pk]))
    assert "Custodia armada" in page.content.decode()


def test_matrix_exports_as_xlsx_and_pdf(world, client_for):
    import io

    from openpyxl import load_workbook

    risk(world, title="Contenedor contaminado")
    client = client_for(world.audrey)
    xlsx = client.get(reverse("risks:register_export") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][0] == "Code" and rows[1][1] == "Contenedor contaminado"
    pdf = client.get(reverse("risks:register_export") + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("risks:register_export") + "?format=doc").status_code == 404
