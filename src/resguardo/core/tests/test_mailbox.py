"""The demo's mailbox: e-mail kept as files, each person reads only what was addressed to them."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from resguardo.core.logfilters import RefusalsOnOneLine

MAILBOX = "resguardo.core.mailbox.MailboxBackend"


@pytest.fixture
def mailbox(settings, tmp_path):
    settings.EMAIL_BACKEND = MAILBOX
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    return tmp_path / "mail"


def test_each_person_reads_only_their_own_mail(world, client_for, mailbox):
    mail.send_mail("Aviso para Carla", "Hola Carla", None, [world.carla.email])
    mail.send_mail("Aviso para Alicia", "Hola Alicia", None, [world.alice.email])
    assert len(list(mailbox.glob("*.eml"))) == 2

    page = client_for(world.carla).get(reverse("core:mailbox"))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Aviso para Carla" in body
    assert "Aviso para Alicia" not in body

    alice_key = next(
        p.stem for p in mailbox.glob("*.eml") if "Alicia" in p.read_text(encoding="utf-8")
    )
    opened = client_for(world.carla).get(reverse("core:mailbox"), {"m": alice_key})
    assert "Hola Alicia" not in opened.content.decode()
    own_key = next(p.stem for p in mailbox.glob("*.eml") if p.stem != alice_key)
    opened = client_for(world.carla).get(reverse("core:mailbox"), {"m": own_key})
    assert "Hola Carla" in opened.content.decode()


def test_the_mailbox_link_and_page_exist_only_with_the_mailbox_backend(world, client_for):
    client = client_for(world.carla)
    assert client.get(reverse("core:mailbox")).status_code == 404
    assert reverse("core:mailbox") not in client.get("/").content.decode()


def test_the_mailbox_is_in_the_menu_when_on(world, client_for, mailbox):
    assert reverse("core:mailbox") in client_for(world.carla).get("/").content.decode()


def test_a_path_in_the_message_key_reads_nothing(world, client_for, mailbox):
    mail.send_mail("Aviso", "x", None, [world.carla.email])
    page = client_for(world.carla).get(reverse("core:mailbox"), {"m": "../../secret_key"})
    assert page.status_code == 200
    assert 'data-testid="mail-message"' not in page.content.decode()


def test_a_refusal_is_logged_on_one_line(world, client_for, settings):
    handler = logging.Handler()
    records = []
    handler.emit = lambda record: records.append(handler.format(record))
    handler.addFilter(RefusalsOnOneLine())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        # An auditor may not open the organization settings: Django answers 403 and logs it.
        response = client_for(world.audrey).get(reverse("core:organization_settings"))
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 403
    refusals = [line for line in records if "Forbidden" in line]
    assert refusals
    assert all("Traceback" not in line and "\n" not in line for line in refusals)
    assert "refusals_on_one_line" in settings.LOGGING["handlers"]["console"]["filters"]
