"""Browser test: a compliance officer's core flow on the demo, through headless Chromium.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
    tests/browser/test_compliance_officer.py
"""

import re

import pytest

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _answered(page) -> int:
    return int(re.match(r"\s*(\d+)", page.locator("[data-testid=answered]").inner_text()).group(1))


def test_officer_answers_a_requirement_attaches_a_pdf_and_sees_progress(
    live_server,
    demo,
    browser,
):
    from playwright.sync_api import expect

    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    context = browser.new_context(viewport={"width": 390, "height": 844})  # on a phone
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email("oea"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")

    # Open the assessment from the list and note how many requirements are answered.
    page.goto(live_server.url + "/compliance/assessments/")
    page.get_by_role("link", name="Autoevaluación NEEC/OEA 2026").click()
    expect(page.locator("main h1")).to_have_text("Autoevaluación NEEC/OEA 2026")
    answered_before = _answered(page)

    # Open a requirement that nobody has assessed yet.
    pending = page.locator("[data-testid=tree] tr", has_text="Sin evaluar").first
    pending.locator("a").first.click()
    expect(page.locator("[data-testid=result-badge]")).to_have_text("Sin evaluar")

    # Record the result with a written answer.
    page.get_by_label("Cumple", exact=True).check()
    page.fill("textarea[name=answer]", "Bitácora mensual firmada por el responsable de patio.")
    page.get_by_role("button", name="Guardar respuesta").click()
    expect(page.locator("body")).to_contain_text("Respuesta guardada.")
    expect(page.locator("[data-testid=result-badge]")).to_have_text("Cumple")
    expect(page.locator("textarea[name=answer]")).to_have_value(
        "Bitácora mensual firmada por el responsable de patio."
    )

    # Attach a small PDF as evidence.
    page.get_by_role("link", name="Agregar evidencia").click()
    page.fill("input[name=title]", "Bitácora de patio, noviembre")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "bitacora-patio.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.get_by_role("button", name="Subir").click()
    expect(page.locator("body")).to_contain_text("Evidencia agregada al requisito.")
    evidence = page.locator("[data-testid=evidence]")
    expect(evidence).to_contain_text("Bitácora de patio, noviembre")
    expect(evidence.get_by_role("link", name="descargar")).to_be_visible()

    # Back on the assessment, progress has moved by one requirement.
    page.get_by_role("link", name="Autoevaluación NEEC/OEA 2026").first.click()
    expect(page.locator("[data-testid=answered]")).to_contain_text(f"{answered_before + 1} /")
    context.close()
