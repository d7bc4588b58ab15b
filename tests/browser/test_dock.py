"""The dock on a phone: staff seal a container and record a 17-point inspection that holds.

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers" \
    tests/browser/test_dock.py
"""

import io
import re

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _photo(name):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (180, 40, 40)).save(buffer, "JPEG")
    return {"name": name, "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def _fits_the_screen(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.fixture
def shipment_at_the_yard(demo):
    from resguardo.shipments.tests.factories import ContainerFactory, ShipmentFactory

    shipment = ShipmentFactory(site=demo.sites["patio"], trailer_number="")
    ContainerFactory(shipment=shipment)
    return shipment


def test_staff_seal_a_container_and_hold_a_unit_on_a_phone(
    live_server,
    demo,
    browser,
    shipment_at_the_yard,
):
    from playwright.sync_api import expect

    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    shipment = shipment_at_the_yard
    container = shipment.containers.get()
    wrong_digit = container.number[:10] + str((int(container.number[10]) + 1) % 10)

    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)

    # Staff at the yard sign in (the account speaks Spanish).
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=email]", demo_email("operador"))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "es-mx")

    # The seal list fits the phone's width (no sideways zoomed-out page).
    page.goto(live_server.url + "/conveyance/seals/")
    expect(page.locator("main h1")).to_have_text("Sellos")
    assert _fits_the_screen(page)

    # Open a seal issued to me and apply it; the container number is misread first.
    page.locator(".card a.btn.mono").first.click()
    page.get_by_role("link", name="Colocar", exact=True).click()
    expect(page.locator("main h1")).to_have_text("Colocar el sello")
    number = page.get_by_test_id("seal-number").inner_text()
    assert page.locator("#id_photo").get_attribute("capture") == "environment"
    page.fill("#id_pedimento", shipment.pedimento_display)
    page.fill("#id_unit", wrong_digit.lower())
    page.set_input_files("#id_photo", _photo("sello.jpg"))
    page.fill("#id_place", "Andén 3")
    page.locator("button.big-submit").click()
    expect(page.locator("main")).to_contain_text("tiene un dígito verificador incorrecto")
    expect(page.get_by_test_id("photo-again")).to_be_visible()
    expect(page.locator("#id_place")).to_have_value("Andén 3")  # what was typed is kept
    page.fill("#id_unit", container.number)
    page.set_input_files("#id_photo", _photo("sello.jpg"))
    page.locator("button.big-submit").click()
    expect(page.locator("main")).to_contain_text("Registrado.")
    expect(page.locator("main")).to_contain_text("Colocado")
    expect(page.locator("main")).to_contain_text(shipment.pedimento_display)
    assert number in page.locator("main").inner_text()

    # A 17-point inspection with one failed point holds the unit.
    page.goto(live_server.url + "/conveyance/inspections/")
    assert _fits_the_screen(page)
    page.get_by_role("link", name="Tractocamión y remolque de 17 puntos").click()
    page.select_option("#id_site", label="Patio fiscal Nuevo Laredo")
    page.fill("#id_unit_number", "tr-7788")
    page.fill("#id_tractor_plates", "92-AK-4L")
    page.fill("#id_trailer_plates", "45-UJ-7K")  # required when the list covers a trailer
    page.fill("#id_place", "Andén 2")
    for code in range(1, 18):
        choice = "fail" if code == 9 else "pass"
        page.locator(f"#point-{code} .toggle label.{choice}").tap()
    page.fill("#id_n9", "Soldadura reciente en el costado izquierdo")
    page.set_input_files("#id_f9", _photo("costado.jpg"))
    page.check("#id_confirm")
    page.get_by_role("button", name="Firmar y guardar la inspección").click()
    expect(page.locator(".messages")).to_contain_text("la unidad queda retenida")
    expect(page.locator("main")).to_contain_text("Retenida para el supervisor")
    expect(page.locator("main")).to_contain_text("1 de 17 puntos con falla")
    page.goto(live_server.url + "/conveyance/inspections/")
    expect(page.locator("main")).to_contain_text("Unidades retenidas para un supervisor")
    expect(page.locator("main")).to_contain_text(re.compile(r"TR7788"))
    context.close()
