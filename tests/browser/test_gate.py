"""The gate on a phone: staff check a visitor in with a photo from the camera input, see them on
the evacuation list and check them out returning the badge.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers" \
    tests/browser/test_gate.py
"""

import io

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _photo(name):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (48, 64), (40, 90, 160)).save(buffer, "JPEG")
    return {"name": name, "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def _fits_the_screen(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_staff_check_a_visitor_in_with_the_camera_and_out_on_a_phone(live_server, demo, browser):
    from playwright.sync_api import expect

    from resguardo.core.demo import DEMO_PASSWORD, demo_email
    from resguardo.facilities.models import Visit

    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email("operador"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")

    page.goto(live_server.url + "/facilities/gate/")
    expect(page.locator("main h1")).to_have_text("Registro de entrada en caseta")
    expect(page.get_by_test_id("privacy-notice")).to_contain_text("Aviso completo en recepción")
    assert _fits_the_screen(page)
    photo = page.locator("#id_photo")
    assert photo.get_attribute("type") == "file"
    assert photo.get_attribute("capture") == "user"
    assert photo.get_attribute("accept") == "image/*"

    page.select_option("#id_site", label="Patio fiscal Nuevo Laredo")
    page.select_option("#id_kind", value="provider")
    page.fill("#id_full_name", "Gerardo Ibáñez Cruz")
    page.fill("#id_company", "Transportes Ibáñez")
    page.fill("#id_id_number", "IBCG800101HTS")
    page.set_input_files("#id_photo", _photo("visitante.jpg"))
    expect(page.locator("#photo-preview")).to_be_visible()  # the photo taken shows before sending
    page.fill("#id_purpose", "Recoger documentos de la caja 14")
    page.fill("#id_plates", "xkl 45 21")
    page.fill("#id_badge_number", "vp-010")
    page.check("#id_privacy_notice_shown")
    page.locator("button.big-submit").click()
    expect(page.locator("main")).to_contain_text(
        "Gerardo Ibáñez Cruz registró su entrada en Patio fiscal Nuevo Laredo."
    )
    visit = Visit.objects.get(full_name="Gerardo Ibáñez Cruz")
    assert visit.file and visit.content_type == "image/jpeg" and visit.plates == "XKL4521"
    assert visit.id_number == "*********1HTS"  # only the last four kept, as the policy says

    page.goto(live_server.url + "/facilities/gate/on-site/")
    expect(page.get_by_test_id("on-site-count")).to_contain_text("4 personas dentro")
    assert _fits_the_screen(page)
    row = page.locator("tr", has_text="Gerardo Ibáñez Cruz")
    expect(row).to_contain_text("VP-010")
    row.get_by_role("button", name="Registrar salida").click()
    expect(page.locator("main")).to_contain_text("Gerardo Ibáñez Cruz registró su salida.")
    expect(page.get_by_test_id("on-site-count")).to_contain_text("3 personas dentro")
    visit.refresh_from_db()
    assert visit.checked_out_at is not None and visit.badge_returned_at is not None
    assert visit.badge.status == "available"
    context.close()
