from django.urls import reverse


def test_dashboard_shows_organization_to_member(world, client_for):
    response = client_for(world.alice).get(reverse("core:dashboard"))
    assert response.status_code == 200
    assert "Agencia Aduanal Norte, S.C." in response.content.decode()


def test_outsider_cannot_see_other_site(world, client_for):
    response = client_for(world.oscar).get(reverse("core:site_detail", args=[world.yard.pk]))
    assert response.status_code == 404
    assert "Patio Norte" not in response.content.decode()
