"""What a careful reviewer saw in the layout: a phone header that ate a third of the screen,
Spanish tables wider than a 1280-pixel screen, seal numbers broken across lines.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
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
    page = _sign_in(browser, live_server, "operador", PHONE)
    page.goto(live_server.url + "/conveyance/seals/")
    header = page.locator("header.topbar").bounding_box()
    assert header["height"] <= 90, header
    # The profile stays one tap away, in the menu.
    page.locator("[data-nav-toggle]").click()
    assert page.locator("#sidenav a[href='/accounts/profile/']").is_visible()


def test_the_agency_rfc_stays_whole_on_the_dashboard(live_server, demo, browser):
    # 1366 px, a common laptop: four cards to a row, each about 255 px wide
    page = _sign_in(browser, live_server, "admin", {"width": 1366, "height": 900})
    rfc = page.locator("main .card .stat.mono").first
    assert rfc.inner_text().strip().startswith("ALA")
    line_height = float(rfc.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 20"))
    assert rfc.bounding_box()["height"] < 1.5 * line_height


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


# Detail pages reached from a list (the first row's link), besides every page of the menu:
# long unbroken values (file hashes, audit payloads) live on detail pages.
DETAIL_FROM_LIST = ["/partners/watchlists/", "/audit/", "/certification/"]


def _wider_than_the_phone(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_every_menu_page_fits_a_phone_without_sideways_scrolling(live_server, demo, browser):
    """A page wider than the phone makes the whole screen slide sideways under the thumb; a
    wide table scrolls inside its own frame instead (.table-wrap)."""
    page = _sign_in(browser, live_server, "admin", PHONE)
    menu = page.eval_on_selector_all(
        "#sidenav a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
    )
    paths = ["/", *dict.fromkeys(menu)]
    for listing in DETAIL_FROM_LIST:
        page.goto(live_server.url + listing)
        first = page.locator("main table tbody a[href^='/']").first
        if first.count():
            paths.append(first.get_attribute("href"))
    assert len(paths) > 40  # the menu was read, not an empty page
    too_wide = {}
    for path in paths:
        if "download" in path or "export" in path:
            continue
        page.goto(live_server.url + path)
        overflow = _wider_than_the_phone(page)
        if overflow > 1:
            too_wide[path] = overflow
    assert too_wide == {}
