"""What every page pays for: the session's idle clock is written about once a minute, not on
every request, and the side menu is rendered once per role and language, never mixed up."""

from django.contrib.sessions.models import Session
from django.urls import reverse

from resguardo.core.memo import page_memo, remembered


def session_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_an_idle_session_clock_restarts_at_most_once_a_minute(world, client_for, settings):
    settings.SESSION_TOUCH_SECONDS = 60
    client = client_for(world.alice)
    client.get(reverse("core:dashboard"))  # the first page restarts the clock
    first = session_expiry(client)
    for _ in range(3):
        assert client.get(reverse("core:site_list")).status_code == 200
    assert session_expiry(client) == first, "the session was written again within a minute"

    settings.SESSION_TOUCH_SECONDS = 0  # as if the minute had passed
    client.get(reverse("core:site_list"))
    assert session_expiry(client) > first


def test_signing_out_still_ends_the_session(world, client_for):
    client = client_for(world.alice)
    client.get(reverse("core:dashboard"))
    key = client.session.session_key
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("core:dashboard")).status_code == 302


def test_the_menu_follows_each_persons_role(world, client_for):
    members = f'href="{reverse("core:member_list")}"'
    audit_log = f'href="{reverse("core:audit_log")}"'
    admin_page = client_for(world.alice).get(reverse("core:dashboard")).content.decode()
    assert members in admin_page and audit_log in admin_page

    # the staff member is served after the administrator's menu was kept: not that menu
    staff_page = client_for(world.sofia).get(reverse("core:dashboard")).content.decode()
    assert f'href="{reverse("core:site_list")}"' in staff_page
    assert members not in staff_page and audit_log not in staff_page

    again = client_for(world.alice).get(reverse("core:dashboard")).content.decode()
    assert members in again


def test_the_menu_follows_the_language(world, client_for, settings):
    settings.LANGUAGE_CODE = "es-mx"
    client = client_for(world.alice)
    spanish = client.get(reverse("core:site_list")).content.decode()
    assert ">Instalaciones</a>" in spanish
    client.post(reverse("core:set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("core:site_list")).content.decode()
    assert ">Sites</a>" in english and ">Instalaciones</a>" not in english
    client.post(reverse("core:set_language"), {"language": "es-mx", "next": "/"})
    assert ">Instalaciones</a>" in client.get(reverse("core:site_list")).content.decode()


def test_a_page_memo_keeps_answers_only_inside_the_page():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remembered(("k",), compute) == 1
    assert remembered(("k",), compute) == 2  # outside a page: always fresh
    with page_memo():
        assert remembered(("k",), compute) == 3
        assert remembered(("k",), compute) == 3
        assert remembered(("other",), compute) == 4
    assert remembered(("k",), compute) == 5
