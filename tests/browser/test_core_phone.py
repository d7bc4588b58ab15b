"""Core, accounts and standards pages on a 390-pixel phone: nothing wider than the screen
(wide tables scroll inside their own box).

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/members/",
    "/members/invite/",
    "/sites/",
    "/audit/",
    "/organization/",
    "/accounts/profile/",
    "/accounts/two-factor/",
    "/accounts/tokens/",
    "/standards/",
    "/standards/browse/",
    "/standards/crosswalk/",
    "/standards/diff/",
    "/standards/checklists/",
]


def test_admin_pages_fit_a_phone(live_server, demo, browser):
    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email("admin"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/")
    too_wide = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide[path] = width
    assert not too_wide, f"pages wider than the phone: {too_wide}"
