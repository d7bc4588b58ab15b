"""No English left in the Spanish UI, and no Spanish in the English UI.

Every GET page the URL walk knows (walking.py) is rendered for alice (administrator of
Norte; she sees every page) and for sam (site manager, whose pages are limited to his site) in
Spanish and in English, as a full page and as the htmx partial. The page's chrome —
headings, labels, legends, table headers, buttons, links, badges, select options,
placeholders, title/aria-label attributes, help texts and empty-state messages — is collected
with the standard library's HTML parser, and any text holding a whole word of the other
language's UI vocabulary is reported.

"No" and "Total" are left out of the English words: Spanish writes them the same way.

Data is not chrome: the persona and walk fixtures' names are stripped before the check, and
so are proper nouns (C-TPAT, OEA, NEEC, ISO...).

Scope: the pages of the apps core, accounts, standards, partners, shipments and conveyance.
The pages of the compliance and reports apps (url namespaces "compliance" and "reports") are
left out: their strings belong to those apps' own catalogs and are checked there.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from .walking import PUBLIC_ROUTES, route_url, walkable_routes

EXCLUDED_NAMESPACES = ("compliance", "reports")
# Not HTML pages made of our chrome: machine formats, the bundled Swagger UI, sign-out.
HTMX = {"HTTP_HX_REQUEST": "true"}  # list pages answer htmx with their rows partial
NOT_CHROME_ROUTES = {
    "api:docs",
    "api:schema",
    "accounts:logout",
    "healthz",
    "readyz",
    "livez",
    "metrics",
    "standards:oscal",
    # The E4 profile is the text the officer copies into VUCEM: Spanish in every interface.
    "certification:e4_profile",
}

ENGLISH_WORDS = set(
    [
        "Save",
        "Cancel",
        "Delete",
        "Edit",
        "Add",
        "New",
        "Search",
        "Filter",
        "Filters",
        "Export",
        "Import",
        "Download",
        "Upload",
        "Status",
        "Due",
        "Owner",
        "Next",
        "Previous",
        "None",
        "Yes",
        "All",
        "Unknown",
        "Show",
        "Back",
        "Submit",
        "Created",
        "Updated",
        "Name",
        "Date",
        "Site",
        "Sites",
        "Review",
        "Send",
        "Open",
        "Close",
        "Closed",
        "View",
        "Details",
        "Actions",
        "Action",
        "Apply",
        "Clear",
        "Reset",
        "Remove",
        "Update",
        "Create",
        "Description",
        "Notes",
        "Type",
        "Kind",
        "Page",
        "of",
        "the",
        "and",
        "or",
        "with",
        "Select",
        "Choose",
        "Active",
        "Inactive",
        "Pending",
        "Approved",
        "Rejected",
        "Expired",
        "Valid",
        "Invalid",
        "Count",
        "Number",
        "Role",
        "Email",
        "Password",
        "Language",
        "Settings",
        "Dashboard",
        "Members",
        "Invite",
        "Revoke",
        "Print",
        "Record",
        "Records",
        "Loading",
        "Required",
        "Optional",
        "Any",
        "First",
        "Last",
        "Today",
        "from",
        "to",
        "Sort",
        "Order",
        "Partner",
        "Partners",
        "Shipment",
        "Shipments",
        "Seal",
        "Seals",
        "Inspection",
        "Inspections",
        "Checklist",
        "Requirement",
        "Requirements",
        "Standard",
        "Library",
        "Libraries",
        "Evidence",
        "Risk",
        "Risks",
        "Continue",
        "Confirm",
        "Help",
    ]
) | {"Sign in", "Sign out"}
SPANISH_WORDS = set(
    [
        "Guardar",
        "Cancelar",
        "Buscar",
        "Todos",
        "Todas",
        "Sí",
        "Enviar",
        "Eliminar",
        "Editar",
        "Agregar",
        "Nuevo",
        "Nueva",
        "Exportar",
        "Importar",
        "Descargar",
        "Estado",
        "Vencimiento",
        "Responsable",
        "Siguiente",
        "Anterior",
        "Ninguno",
        "Ninguna",
        "Mostrar",
        "Volver",
        "Nombre",
        "Fecha",
        "Instalación",
        "Instalaciones",
        "Tablero",
        "Filtrar",
        "Aplicar",
        "Limpiar",
        "Acciones",
        "Descripción",
        "Tipo",
        "Página",
        "Contraseña",
        "Configuración",
        "Miembros",
        "Revocar",
        "Aún",
        "Ningún",
        "Sin",
        "Vencido",
        "Pendiente",
        "Activo",
        "Inactivo",
    ]
) | {"Iniciar sesión", "Cerrar sesión", "Correo electrónico"}
# Proper nouns and data: the fixtures' records and catalog names, never UI chrome.
PROPER_NOUNS = (
    "Nuevo Laredo",  # the demo's and the fixtures' city, a customs office's name
    *[
        "C-TPAT",
        "OEA",
        "NEEC",
        "SAFE",
        "ISO",
        "VVTT",
        "RFC",
        "CSV",
        "XLSX",
        "PDF",
        "API",
        "OSCAL",
        "WCO",
        "CBP",
        "SAT",
        "ANAM",
        "MSC",
        "Resguardo",
        "Norte",
        "Sur",
        "English",
        "Español",
        "Swagger",
        "OpenAPI",
    ],
)

CHROME_TAGS = set(
    [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "label",
        "legend",
        "th",
        "button",
        "option",
        "summary",
        "caption",
        "dt",
        "a",
        "nav",
        "small",
        "title",
    ]
)
CHROME_ATTRS = ("placeholder", "title", "aria-label")
CHROME_CLASSES = set(
    [
        "empty",
        "empty-row",
        "empty-state",
        "help",
        "hint",
        "muted",
        "small",
        "btn",
        "badge",
        "msg",
        "label",
        "stat",
        "sr",
        "toolbar",
        "actions",
        "filters",
        "page-head",
        "form-errors",
    ]
)


class ChromeText(HTMLParser):
    """Collects the texts of a page's UI chrome."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, is_chrome) of open elements
        self.texts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in CHROME_ATTRS:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])
        if tag in ("input", "br", "img", "meta", "link", "hr", "col", "source"):
            return
        classes = set((attrs.get("class") or "").split())
        chrome = tag in CHROME_TAGS or bool(classes & CHROME_CLASSES)
        if tag in ("script", "style", "textarea", "pre", "code"):
            self.skip += 1
        self.stack.append((tag, chrome))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for open_tag, _chrome in self.stack[index:]:
                    if open_tag in ("script", "style", "textarea", "pre", "code"):
                        self.skip -= 1
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.skip or not data.strip():
            return
        if any(chrome for _tag, chrome in self.stack):
            self.texts.append(data)


def chrome_texts(html: str) -> list[str]:
    parser = ChromeText()
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.texts if t.strip()]


def foreign_words(text: str, words: set[str], data: list[str]) -> list[str]:
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    for noun in PROPER_NOUNS:
        text = text.replace(noun, " ")
    found = []
    for word in words:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            found.append(word)
    return sorted(found)


def fixture_data(walk) -> list[str]:
    values = list(walk.markers)
    for user in walk.norte_users + [walk.oscar]:
        values += [user.get_full_name(), user.first_name, user.last_name, user.email]
    return [v for v in values if v]


def owned_page_routes():
    for route in walkable_routes():
        if route.is_api or route.name in NOT_CHROME_ROUTES:
            continue
        if route.name.split(":")[0] in EXCLUDED_NAMESPACES:
            continue
        yield route


def findings(walk, language: str, words: set[str]) -> list[str]:
    """Foreign words on the pages as alice sees them, and as sam (site manager) sees them."""
    data = fixture_data(walk)
    problems = []
    seen = set()
    for user in (walk.alice, walk.sam):
        signed_in = Client()
        signed_in.force_login(user)
        anonymous = Client()
        for c in (signed_in, anonymous):
            c.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for route in owned_page_routes():
            url = route_url(route, walk)
            client = anonymous if route.name in PUBLIC_ROUTES else signed_in
            for headers in ({}, HTMX):
                response = client.get(url, **headers)
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    continue
                for text in chrome_texts(response.content.decode()):
                    hits = foreign_words(text, words, data)
                    if hits and (text, tuple(hits)) not in seen:
                        seen.add((text, tuple(hits)))
                        problems.append(f"{url}: {text!r} ({', '.join(hits)})")
    return problems


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Guardar cambios", []),
        ("Save changes", ["Save"]),
        ("Estándar 7 — C-TPAT", []),
        ("Sin vencimiento (Due)", ["Due"]),
        ("Nombre de la instalación", []),
    ],
)
def test_the_word_check_matches_whole_english_words(text, expected):
    assert foreign_words(text, ENGLISH_WORDS, []) == expected


def test_chrome_texts_reads_headings_buttons_options_and_attributes():
    html = (
        '<h1>Title</h1><p>Data row</p><button title="Tip">Go</button>'
        '<select><option>All</option></select><input placeholder="Find">'
        '<p class="empty">Nothing yet.</p><script>var Save = 1;</script>'
    )
    assert chrome_texts(html) == ["Title", "Tip", "Go", "All", "Find", "Nothing yet."]


def test_spanish_pages_show_no_english_chrome(walk):
    problems = findings(walk, "es-mx", ENGLISH_WORDS)
    assert not problems, "English text in the Spanish UI:\n" + "\n".join(problems)


def test_english_pages_show_no_spanish_chrome(walk):
    problems = findings(walk, "en", SPANISH_WORDS)
    assert not problems, "Spanish text in the English UI:\n" + "\n".join(problems)
