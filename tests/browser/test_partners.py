"""Browser test of the partners app: a security questionnaire, from the compliance officer's
desk to the partner's phone and back, in headless Chromium (Debian's /usr/bin/chromium).

Run with: uv run pytest -m browser -p no:xdist -o addopts="-p no:cacheprovider --strict-markers"
"""

import re

import pytest

pytestmark = pytest.mark.browser

PARTNER = "Seguridad Privada Centinela, S.A. de C.V."
RECIPIENT = "seguridad@centinela.example.mx"


def _sign_in(page, base_url, who):
    from resguardo.core.demo import DEMO_PASSWORD, demo_email

    page.goto(base_url + "/accounts/login/")
    page.fill("input[name=email]", demo_email(who))
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))


def _link_from_outbox(base_url):
    from django.core import mail

    message = next(m for m in reversed(mail.outbox) if RECIPIENT in m.to)
    return re.search(re.escape(base_url) + r"/q/[^/\s]+/", message.body).group(0)


def test_officer_sends_a_questionnaire_the_partner_answers_on_a_phone(live_server, demo, browser):
    from django.core import mail
    from playwright.sync_api import expect

    mail.outbox = []
    officer_context = browser.new_context(viewport={"width": 1280, "height": 900})
    officer = officer_context.new_page()
    officer.set_default_timeout(15_000)
    _sign_in(officer, live_server.url, "oea")

    # The compliance officer finds the partner and sends it the questionnaire.
    officer.goto(live_server.url + "/partners/?q=Centinela")
    officer.get_by_role("link", name=PARTNER).click()
    officer.locator("main a[href$='/questionnaires/new/']").click()
    expect(officer.locator("main h1")).to_have_text("Enviar un cuestionario de seguridad")
    officer.fill("input[name=recipient_name]", "Rosa Pérez")
    officer.fill("input[name=recipient_email]", RECIPIENT)
    officer.locator("main form button[type=submit]").click()
    expect(officer.locator("main")).to_contain_text(f"Cuestionario enviado a {RECIPIENT}.")
    expect(officer.locator("[data-testid=recipient]")).to_contain_text(RECIPIENT)
    questionnaire_url = officer.url
    link = _link_from_outbox(live_server.url)

    # The partner opens the link on a phone, without an account.
    phone_context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = phone_context.new_page()
    phone.set_default_timeout(15_000)
    phone.goto(link)
    expect(phone.locator("main h1")).to_have_text(
        "Cuestionario de seguridad en la cadena de suministros"
    )
    expect(phone.locator("main")).to_contain_text(PARTNER)
    expect(phone.locator("#sidenav")).to_have_count(0)  # nothing of the agency's own pages
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390  # no sideways scrolling on the phone

    # A first answer, saved as a draft.
    first = phone.locator("fieldset").first
    first.locator("input[type=radio][value=yes]").check()
    phone.locator("button[name=save]").click()
    expect(phone.locator("main")).to_contain_text("Borrador guardado.")
    expect(phone.locator("fieldset").first.locator("input[value=yes]")).to_be_checked()

    # Sending too early names what is missing; nothing is lost.
    phone.locator("button[name=submit]").click()
    expect(phone.locator(".form-errors")).to_contain_text("Responda todas las preguntas")
    expect(phone.locator("fieldset").first.locator("input[value=yes]")).to_be_checked()

    # Every question answered: sent.
    for radio in phone.locator("input[type=radio][value=yes]").all():
        radio.check()
    phone.locator("fieldset input[type=radio][value=partial]").nth(1).check()
    for text in phone.locator("fieldset textarea[name^=q-]").all():
        text.fill("Rosa Pérez, gerente de seguridad, 81 5555 0000")
    phone.locator("button[name=submit]").click()
    expect(phone.locator("main h1")).to_have_text("Gracias: el cuestionario se envió")
    phone.goto(link)  # the used link shows nothing any more
    expect(phone.locator("[data-testid=invalid-link]")).to_be_visible()
    expect(phone.locator("main")).not_to_contain_text(PARTNER)
    phone_context.close()

    # The officer sees the answers and the score, and accepts.
    officer.goto(questionnaire_url)
    expect(officer.locator("main")).to_contain_text("Enviado por el socio, por revisar")
    score = officer.locator("[data-testid=score]")
    expect(score).to_have_text(re.compile(r"^9\d%$"))  # one "partly" among the yes answers
    expect(officer.locator("main table")).to_contain_text("Rosa Pérez, gerente de seguridad")
    expect(officer.locator("main table .badge-warn", has_text="Parcialmente")).to_have_count(1)
    officer.get_by_role("button", name="Aceptar").click()
    expect(officer.locator("main")).to_contain_text("Cuestionario aceptado.")
    expect(officer.locator("main")).to_contain_text("Aceptado")
    officer_context.close()


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_officer_compares_a_watchlist_hit_inside_its_cards(
    live_server, demo, browser, viewport
):
    from playwright.sync_api import expect

    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    _sign_in(page, live_server.url, "oea")
    page.goto(live_server.url + "/partners/?q=Alfa")
    page.locator("main table a", has_text="Servicios Logísticos Alfa").click()
    page.locator("main table a[href*='/hits/']").first.click()

    entry = page.locator("[data-testid=list-entry]")
    expect(entry).to_contain_text("SERVICIOS LOGISTICOS ALFA SA DE CV")
    expect(page.locator("[data-testid=entry-details]")).to_be_visible()
    for card in (entry, page.locator("[data-testid=our-partner]")):
        edge = card.bounding_box()
        right = edge["x"] + edge["width"]
        for value in card.locator("dd").all():
            box = value.bounding_box()
            assert box["width"] > 0 and box["x"] + box["width"] <= right + 1, value.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
