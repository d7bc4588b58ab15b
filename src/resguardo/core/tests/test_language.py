"""The language switch: Spanish (es-MX) and English, remembered on the account and a cookie."""

from django.conf import settings
from django.urls import reverse

from resguardo.accounts.models import User


def switch(client, language, next_url="/"):
    return client.post(reverse("core:set_language"), {"language": language, "next": next_url})


def test_switch_to_english_and_back_to_spanish(world, client_for, settings):
    settings.LANGUAGE_CODE = "es-mx"  # the product's default
    client = client_for(world.alice)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert '<html lang="es-mx">' in page

    response = switch(client, "en", reverse("core:site_list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("core:site_list")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert User.objects.get(pk=world.alice.pk).language == "en"
    page = client.get(reverse("core:dashboard")).content.decode()
    assert '<html lang="en">' in page
    assert ">Dashboard<" in page
    assert 'data-testid="lang-es"' in page  # the button now offers Spanish

    switch(client, "es-mx")
    assert User.objects.get(pk=world.alice.pk).language == "es-mx"
    page = client.get(reverse("core:dashboard")).content.decode()
    assert '<html lang="es-mx">' in page
    assert ">Tablero<" in page  # "Dashboard" in the es-MX catalog
    assert 'data-testid="lang-en"' in page


def test_unknown_language_is_ignored(world, client_for):
    client = client_for(world.alice)
    response = switch(client, "klingon")
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert User.objects.get(pk=world.alice.pk).language == "es-mx"


def test_anonymous_visitor_can_switch_on_the_sign_in_page(db, client):
    response = switch(client, "en", reverse("accounts:login"))
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(reverse("accounts:login")).content.decode()


def test_switch_never_redirects_off_site(world, client_for):
    response = switch(client_for(world.alice), "en", "https://evil.example.com/")
    assert response["Location"] == "/"


def test_sign_in_applies_the_account_language(world, client):
    User.objects.filter(pk=world.sofia.pk).update(language="en")
    response = client.post(
        reverse("accounts:login"),
        {"email": world.sofia.email, "password": "correct-horse-battery-9"},
    )
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(reverse("core:dashboard")).content.decode()
