"""Filter bars refresh the list while one types in a text field, without Enter or leaving it.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import re

import pytest

pytestmark = pytest.mark.browser


def test_typing_a_partner_name_filters_the_list_without_enter(live_server, demo, browser):
    from playwright.sync_api import expect

    from resguardo.core.demo import DEMO_PASSWORD, demo_email
    from resguardo.partners.models import Partner

    partners = list(Partner.objects.filter(organization=demo.organization).order_by("pk"))
    assert len(partners) >= 2
    wanted = partners[0]

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email("admin"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")

    page.goto(live_server.url + "/partners/")
    rows = page.locator("#rows tbody tr")
    expect(rows).to_have_count(len(partners))
    box = page.locator("form.filters input[name=q]")
    expect(box).to_have_attribute("type", "text")
    box.press_sequentially(wanted.legal_name, delay=20)  # no Enter, the field keeps focus
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(wanted.legal_name)
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(box).to_be_focused()
