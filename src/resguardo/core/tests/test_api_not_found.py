"""An address under /api/ that matches no endpoint answers JSON, as the endpoints do."""

import pytest


@pytest.mark.django_db
def test_an_unknown_api_address_answers_json_404(client):
    response = client.get("/api/v1/no-such-endpoint/", HTTP_ACCEPT_LANGUAGE="es-MX")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No encontrado."}


@pytest.mark.django_db
def test_an_unknown_page_still_answers_the_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
