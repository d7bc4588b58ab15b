"""Forms that a screen reader can follow: every label names an input, and a group of check
boxes or radio buttons is a fieldset named by its legend."""

import re

from django.test import Client

from .walking import route_url, walkable_routes


def test_invitation_form_names_its_group_of_sites(world, client_for):
    client = client_for(world.alice)
    client.cookies["resguardo_language"] = "en"
    page = client.get("/members/invite/").content.decode()
    assert re.search(r"<fieldset class=\"field\">\s*<legend>Limited to sites</legend>", page)
    assert 'for=""' not in page


def test_no_page_has_a_label_pointing_nowhere(walk):
    client = Client()
    client.force_login(walk.alice)
    empty_labels = []
    for route in walkable_routes():
        if route.is_api or route.name == "accounts:logout":
            continue
        response = client.get(route_url(route, walk))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        if 'for=""' in response.content.decode():
            empty_labels.append(route.name)
    assert not empty_labels, f'pages with <label for="">: {empty_labels}'


def test_pages_without_a_menu_offer_no_menu_button(world, client_for, client):
    """Signed out (or without an organization) there is no side menu: no ☰ that opens nothing."""
    for url in ("/accounts/login/", "/accounts/password/reset/"):
        page = client.get(url).content.decode()
        assert "data-nav-toggle" not in page and 'id="sidenav"' not in page, url
    page = client_for(world.alice).get("/").content.decode()
    assert "data-nav-toggle" in page and 'id="sidenav"' in page
