"""Every answer carries a Content-Security-Policy: scripts only from this site, no plugins, no
framing by other sites. The API documentation page (bundled Swagger UI, started by an inline
script) is the one page allowed inline scripts."""

import pytest
from django.urls import reverse

STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


@pytest.mark.parametrize(
    "url_name", ["core:dashboard", "core:site_list", "partners:partner_list", "api:site-list"]
)
def test_signed_in_pages_and_api_answers_carry_the_policy(world, client_for, url_name):
    response = client_for(world.alice).get(reverse(url_name))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == STRICT


def test_sign_in_page_and_redirects_carry_the_policy(db, client):
    assert client.get(reverse("accounts:login"))["Content-Security-Policy"] == STRICT
    redirect = client.get(reverse("core:dashboard"))
    assert redirect.status_code == 302
    assert redirect["Content-Security-Policy"] == STRICT


def test_api_docs_may_run_their_inline_starter_script_only(db, client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-eval'" not in policy
