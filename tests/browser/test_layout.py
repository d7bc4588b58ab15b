"""What a careful reviewer saw in the layout: a phone header that ate a third of the screen,
Spanish tables wider than a 1280-pixel screen, seal numbers broken across lines.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import pytest

pytestmark = pytest.mark.browser

WIDE_LISTS = [
    "/partners/",
    "/compliance/actions/",
    "/compliance/evidence/",
    "/conveyance/seals/",
    "/conveyance/inspections/",
    "/shipments/",
]


def _sign_in(browser, live_server, who, viewport):
    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    page = browser.new_context(viewport=viewport, locale="es-MX").new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email(who))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/")
    return page


def test_phone_header_leaves_the_screen_to_the_work(live_server, demo, browser):
    page = _sign_in(browser, live_server, "operador", {"width": 390, "height": 844})
    page.goto(live_server.url + "/conveyance/seals/")
    header = page.locator("header.topbar").bounding_box()
    assert header["height"] <= 90, header
    # The profile stays one tap away, in the menu.
    page.locator("[data-nav-toggle]").click()
    assert page.locator("#sidenav a[href='/accounts/profile/']").is_visible()


def test_spanish_lists_fit_a_1280_screen_and_numbers_stay_whole(live_server, demo, browser):
    page = _sign_in(browser, live_server, "admin", {"width": 1280, "height": 900})
    too_wide = {}
    for path in WIDE_LISTS:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "() => [...document.querySelectorAll('main .table-wrap')]"
            ".map(e => e.scrollWidth - e.clientWidth).filter(d => d > 1)"
        )
        if overflow:
            too_wide[path] = overflow
    assert not too_wide
    page.goto(live_server.url + "/conveyance/seals/")
    cell = page.locator("main table tbody td a.mono").first
    line_height = float(cell.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 20"))
    assert cell.bounding_box()["height"] < 1.5 * line_height
