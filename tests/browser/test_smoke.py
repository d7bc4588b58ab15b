"""Browser smoke test: the demo, driven through headless Chromium (Debian's /usr/bin/chromium).

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import re

import pytest

pytestmark = pytest.mark.browser

AGENCY = "Agencia Aduanal Lozano y Asociados, S.C."
OTHER = "Comercializadora Fronteriza del Bravo, S.A. de C.V."


def test_demo_admin_signs_in_switches_language_and_organization(live_server, demo, browser):
    from playwright.sync_api import expect

    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)

    # Sign in as the demo administrator.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.fill("input[name=email]", demo_email("admin"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(AGENCY)
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")  # the account's language

    # Switch to English, then back to Spanish.
    page.click("[data-testid=lang-en]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#sidenav a.nav-top").first).to_have_text("Dashboard")
    page.click("[data-testid=lang-es]")
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")
    expect(page.locator("#sidenav a.nav-top").first).to_have_text("Tablero")

    # The dashboard: the eleven standards.
    page.locator("#sidenav a.nav-top").first.click()
    expect(page.locator("[data-testid=standards-grid] > .card")).to_have_count(11)

    # Switch organization with the switcher (it submits itself on change).
    page.select_option("#org-switch", str(demo.other_organization.pk))
    expect(page.locator("main h1")).to_have_text(OTHER)
    page.goto(live_server.url + "/sites/")
    expect(page.locator("main")).to_contain_text("Planta Reynosa")
    expect(page.locator("main")).not_to_contain_text("Patio fiscal Nuevo Laredo")

    # A phone screen: the menu hides behind a toggle that opens it.
    page.set_viewport_size({"width": 390, "height": 844})
    toggle = page.locator("button.nav-toggle")
    expect(toggle).to_be_visible()
    expect(page.locator("#sidenav")).to_be_hidden()
    toggle.click()
    expect(page.locator("#sidenav")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    context.close()
