"""The Spanish (Mexico) catalogs are complete, safe to interpolate, compiled, and used.

The catalog checks run over every src/resguardo/*/locale/es_MX/LC_MESSAGES/*.po, so an app
added later is held to the same rules. Fix failures with `scripts/i18n.py` (docs/i18n.md).
"""

import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext, to_locale

import resguardo

PACKAGE = Path(resguardo.__file__).resolve().parent
CATALOGS = sorted(PACKAGE.glob("*/locale/es_MX/LC_MESSAGES/*.po"))

NAMED = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
PRINTF = re.compile(r"%(?:\([^)]+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE = re.compile(r"\{[^{}\s]*\}")


@pytest.fixture(autouse=True)
def english_interface(settings):
    """Overrides the core tests' English default: these tests check the product's own default
    language, Spanish (Mexico), as set in resguardo/config/settings.py."""
    from resguardo.config import settings as product_settings

    settings.LANGUAGE_CODE = product_settings.LANGUAGE_CODE


def catalog_id(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def live_entries(path: Path):
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


def placeholders(text: str, flags) -> Counter:
    found = Counter(PRINTF.findall(text) if "python-format" in flags else NAMED.findall(text))
    if "python-brace-format" in flags:
        found += Counter(BRACE.findall(text))
    return found


def mo_entries(mo) -> set:
    return {
        (e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in mo
    }


def test_catalogs_exist_for_core_and_accounts():
    names = {catalog_id(p) for p in CATALOGS}
    assert "core/locale/es_MX/LC_MESSAGES/django.po" in names
    assert "accounts/locale/es_MX/LC_MESSAGES/django.po" in names


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_every_message_is_translated_and_reviewed(path):
    problems = []
    for entry in live_entries(path):
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            missing = not forms or not all(forms)
        else:
            missing = not entry.msgstr
        if missing:
            problems.append(f"untranslated: {entry.msgid!r}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_placeholders_are_kept(path):
    problems = []
    for entry in live_entries(path):
        flags = entry.flags
        if not entry.msgid_plural:
            if placeholders(entry.msgid, flags) != placeholders(entry.msgstr, flags):
                problems.append(f"{entry.msgid!r} -> {entry.msgstr!r}")
            continue
        allowed = set(placeholders(entry.msgid + entry.msgid_plural, flags))
        forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        for form in forms:
            if not set(placeholders(form, flags)) <= allowed:
                problems.append(f"{entry.msgid!r} -> {form!r}")
        if forms and set(placeholders(forms[-1], flags)) != set(
            placeholders(entry.msgid_plural, flags)
        ):
            problems.append(f"{entry.msgid_plural!r} -> {forms[-1]!r}")
    assert not problems, "placeholders differ:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_committed_mo_matches_po(path):
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{catalog_id(mo_path)} is missing: run scripts/i18n.py compile"
    compiled = polib.mofile(polib.pofile(str(path)).to_binary())
    committed = polib.mofile(str(mo_path))
    assert mo_entries(committed) == mo_entries(compiled), (
        f"{catalog_id(mo_path)} is older than its .po: run scripts/i18n.py compile"
    )


def test_shared_messages_are_translated_alike_in_every_catalog():
    """Django merges all apps' catalogs into one: a message translated two ways shows only one."""
    seen = {}
    clashes = []
    for path in CATALOGS:
        for entry in live_entries(path):
            if not entry.translated():
                continue
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            text = (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            if key in seen and seen[key][0] != text:
                clashes.append(f"{entry.msgid!r}: {catalog_id(path)} vs {seen[key][1]}")
            seen.setdefault(key, (text, catalog_id(path)))
    assert not clashes, "\n".join(clashes)


def shown(entry, n=1) -> str:
    """What Django shows for this entry in the active language."""
    if entry.msgid_plural and entry.msgctxt:
        return npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
    if entry.msgid_plural:
        return ngettext(entry.msgid, entry.msgid_plural, n)
    return pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else gettext(entry.msgid)


def test_no_other_catalog_hides_ours():
    """Apps listed before ours in INSTALLED_APPS (django-filter, DRF...) win when they translate
    the same msgid: use pgettext or other words then, so the user sees our translation."""
    hidden = []
    with translation.override("es-mx"):
        for path in CATALOGS:
            for entry in live_entries(path):
                if entry.msgid_plural:
                    expected = {1: entry.msgstr_plural[0], 2: entry.msgstr_plural[1]}
                else:
                    expected = {1: entry.msgstr}
                for n, text in expected.items():
                    if shown(entry, n) != text:
                        hidden.append(
                            f"{catalog_id(path)}: {entry.msgid!r} shows {shown(entry, n)!r}"
                        )
    assert not hidden, "\n".join(hidden)


def test_es_mx_uses_our_catalogs_and_djangos_own():
    assert to_locale(settings.LANGUAGE_CODE) == "es_MX"
    with translation.override("es-mx"):
        assert gettext("Dashboard") == "Tablero"  # core
        assert gettext("Sign in") == "Iniciar sesión"  # accounts
        assert gettext("Spanish (Mexico)") == "Español (México)"  # config/settings.py
        assert gettext("This field is required.") != "This field is required."  # Django's
    with translation.override("en"):
        assert gettext("Dashboard") == "Dashboard"


def test_dashboard_is_in_spanish_by_default_and_in_english_with_the_cookie(world, client_for):
    client = client_for(world.alice)
    spanish = client.get(reverse("core:dashboard")).content.decode()
    assert '<html lang="es-mx">' in spanish
    assert "Tablero · Resguardo</title>" in spanish
    assert "Los once estándares de seguridad NEEC/OEA" in spanish

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("core:dashboard")).content.decode()
    assert '<html lang="en">' in english
    assert "Dashboard · Resguardo</title>" in english
    assert "Tablero" not in english


def test_language_switch_changes_the_dashboard_language(world, client_for):
    client = client_for(world.alice)
    response = client.post(reverse("core:set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Dashboard · Resguardo</title>" in client.get("/").content.decode()
    world.alice.refresh_from_db()
    assert world.alice.language == "en"

    client.post(reverse("core:set_language"), {"language": "es-mx", "next": "/"})
    page = client.get("/").content.decode()
    assert "Tablero · Resguardo</title>" in page
    assert "Bitácora de auditoría" in page  # alice is an administrator: the menu shows it
