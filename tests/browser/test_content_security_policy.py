"""Under the Content-Security-Policy the pages still work and nothing is refused: htmx filters,
forms, the language switch and the API docs.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/sites/",
    "/members/",
    "/audit/",
    "/organization/",
    "/partners/",
    "/partners/new/",
    "/shipments/",
    "/shipments/new/",
    "/conveyance/seals/",
    "/conveyance/inspections/",
    "/standards/",
    "/standards/browse/",
    "/standards/crosswalk/",
    "/compliance/",
    "/reports/",
    "/accounts/profile/",
]


def test_pages_run_under_the_policy_without_violations(live_server, demo, browser):
    from playwright.sync_api import expect

    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email("admin"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")

    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path

    # htmx filters answer under the policy: choosing a site type refreshes the rows.
    page.goto(live_server.url + "/sites/")
    with page.expect_response(lambda r: "/sites/?" in r.url) as answer:
        page.locator("form.filters select").first.select_option(index=1)
    assert answer.value.status == 200

    # The language switch (a form posting to this site) still works.
    page.click("[data-testid=lang-en]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.click("[data-testid=lang-es]")
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")

    # The API documentation renders its operations.
    page.goto(live_server.url + "/api/v1/docs/")
    expect(page.locator(".opblock").first).to_be_visible()

    assert not refused, "\n".join(refused)

    # The listener does hear the policy: an injected inline script is refused.
    page.goto(live_server.url + "/sites/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in line for line in refused)
