import pytest
from django.urls import reverse

from .. import services
from ..models import Risk
from .factories import actor_for, plan, risk

pytestmark = pytest.mark.django_db


def test_auditor_reads_every_page_but_cannot_edit(world, client_for):
    robbery = risk(world, title="Robo en ruta")
    audrey = client_for(world.audrey)
    for name, args in (
        ("risks:risk_list", []),
        ("risks:risk_detail", [robbery.pk]),
        ("risks:review_list", []),
        ("risks:committee", []),
        ("risks:policy_list", []),
        ("risks:plan_list", []),
    ):
        response = audrey.get(reverse(name, args=args))
        assert response.status_code == 200, name
        assert "Robo en ruta" in response.content.decode() or name != "risks:risk_list"
    assert audrey.get(reverse("risks:risk_edit", args=[robbery.pk])).status_code == 403
    assert audrey.post(reverse("risks:review_create"), {"statement": "x"}).status_code == 403


def test_staff_cannot_edit_the_register(world, client_for, api_for):
    robbery = risk(world, site=world.yard, title="Robo en patio")
    sofia = client_for(world.sofia)
    assert sofia.get(reverse("risks:risk_detail", args=[robbery.pk])).status_code == 200
    response = sofia.post(reverse("risks:risk_edit", args=[robbery.pk]), {"title": "Cambiado"})
    assert response.status_code == 403
    api = api_for(world.sofia)
    patch = api.patch(f"/api/v1/risks/{robbery.pk}/", {"title": "Cambiado"}, format="json")
    assert patch.status_code == 403
    assert Risk.objects.get(pk=robbery.pk).title == "Robo en patio"


def test_staff_see_their_site_and_organization_wide_risks_only(world, client_for):
    risk(world, site=world.yard, title="Riesgo del patio")
    risk(world, site=None, title="Riesgo de toda la agencia")
    office = risk(world, site=world.office, title="Riesgo de la oficina")
    sofia = client_for(world.sofia)
    text = sofia.get(reverse("risks:risk_list")).content.decode()
    assert "Riesgo del patio" in text and "Riesgo de toda la agencia" in text
    assert "Riesgo de la oficina" not in text
    assert sofia.get(reverse("risks:risk_detail", args=[office.pk])).status_code == 404
    sheet = sofia.get(reverse("risks:register_export") + "?format=pdf")
    assert sheet.status_code == 200


def test_outsider_gets_404_everywhere(world, client_for, api_for):
    robbery = risk(world, title="Robo Norte")
    seal_plan = plan(world, title="Plan Norte")
    review = services.register_review_sign(actor=actor_for(world, world.carla), statement="v1")
    oscar = client_for(world.oscar)
    for name, pk in (
        ("risks:risk_detail", robbery.pk),
        ("risks:risk_edit", robbery.pk),
        ("risks:plan_detail", seal_plan.pk),
        ("risks:review_detail", review.pk),
        ("risks:review_export", review.pk),
    ):
        assert oscar.get(reverse(name, args=[pk])).status_code == 404, name
    api = api_for(world.oscar)
    assert api.get(f"/api/v1/risks/{robbery.pk}/").status_code == 404
    assert api.get("/api/v1/risks/").json()["results"] == []
    assert "Robo Norte" not in oscar.get(reverse("risks:risk_list")).content.decode()
