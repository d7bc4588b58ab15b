import pytest
from django.utils import timezone

from .factories import plan, policy, risk, threat

pytestmark = pytest.mark.django_db


def test_register_through_the_api(world, api_for):
    api = api_for(world.carla)
    theft = threat(world.org)
    created = api.post(
        "/api/v1/risks/",
        {
            "title": "Robo en ruta",
            "process": "Traslado a frontera",
            "threat": theft.pk,
            "site": world.yard.pk,
            "inherent_likelihood": 4,
            "inherent_impact": 5,
            "residual_likelihood": 2,
            "residual_impact": 4,
            "requirements": [],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["code"], body["residual_score"], body["threat_label"]) == (
        "R-001",
        8,
        "Cargo theft and hijacking",
    )
    action = api.post(
        f"/api/v1/risks/{body['id']}/actions/", {"title": "Custodia armada"}, format="json"
    )
    assert action.status_code == 201 and action.json()["status"] == "open"
    heat = api.get("/api/v1/risks/heat-map/").json()
    assert heat["residual"] == [{"likelihood": 2, "impact": 4, "count": 1, "level": "medium"}]
    stale = api.patch(
        f"/api/v1/risks/{body['id']}/", {"title": "Otro", "version": 0}, format="json"
    )
    assert stale.status_code == 409
    signed = api.post("/api/v1/risk-reviews/", {"statement": "Revisión anual"}, format="json")
    assert signed.status_code == 201 and signed.json()["number"] == 1
    assert (
        api_for(world.sofia)
        .post("/api/v1/risk-reviews/", {"statement": "x"}, format="json")
        .status_code
        == 403
    )


def test_other_organizations_ids_are_refused_by_name(world, api_for):
    api = api_for(world.carla)
    response = api.post(
        "/api/v1/risks/",
        {
            "title": "Robo",
            "process": "Ruta",
            "threat": threat(world.other_org).pk,
            "inherent_likelihood": 2,
            "inherent_impact": 2,
            "residual_likelihood": 1,
            "residual_impact": 1,
        },
        format="json",
    )
    assert response.status_code == 400 and "threat" in response.json()


def test_policy_acknowledgement_and_drills_through_the_api(world, api_for):
    handbook = policy(world, title="Política antidrogas")
    staff = api_for(world.sofia)
    ack = staff.post(f"/api/v1/security-policies/{handbook.pk}/acknowledge/")
    assert ack.status_code == 200 and ack.json()["acknowledged_by_me"] is True
    assert staff.post(f"/api/v1/security-policies/{handbook.pk}/versions/", {}).status_code == 403
    assert (
        api_for(world.audrey).post(f"/api/v1/security-policies/{handbook.pk}/acknowledge/")
    ).status_code == 403
    seal_plan = plan(world)
    drill = api_for(world.carla).post(
        "/api/v1/drills/",
        {
            "plan": seal_plan.pk,
            "held_on": timezone.localdate().isoformat(),
            "duration_minutes": 25,
            "participants": [world.sam.pk],
            "actions": ["Revisar el directorio de emergencia"],
        },
        format="json",
    )
    assert drill.status_code == 201, drill.json()
    listed = api_for(world.sam).get("/api/v1/contingency-plans/").json()["results"]
    assert listed[0]["last_drill_on"] == timezone.localdate().isoformat()


def test_staff_lists_leave_out_other_sites(world, api_for):
    risk(world, site=world.office, title="Riesgo de la oficina")
    risk(world, site=world.yard, title="Riesgo del patio")
    titles = [r["title"] for r in api_for(world.sofia).get("/api/v1/risks/").json()["results"]]
    assert titles == ["Riesgo del patio"]
