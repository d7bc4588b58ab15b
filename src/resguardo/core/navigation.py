"""The eleven NEEC/OEA standards, the spine of the navigation.

Domain apps register the pages that serve each standard (`register_standard_link`), so the
navigation grows as modules arrive without core importing them.
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

STANDARDS = [
    (1, _("Supply-chain security planning")),
    (2, _("Physical security")),
    (3, _("Physical access controls")),
    (4, _("Business partners")),
    (5, _("Process security")),
    (6, _("Customs management")),
    (7, _("Security of cargo vehicles, containers, trailers and semi-trailers")),
    (8, _("Personnel security")),
    (9, _("Information and document security")),
    (10, _("Security training and awareness")),
    (11, _("Incident handling and investigation")),
]


@dataclass
class StandardEntry:
    number: int
    title: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url name)


_LINKS: dict[int, list[tuple[str, str]]] = {}


def register_standard_link(number: int, label, url_name: str) -> None:
    entries = _LINKS.setdefault(number, [])
    if (label, url_name) not in entries:
        entries.append((label, url_name))


# Top-level links shown under "Dashboard" in the side menu: (label, url name).
MAIN_NAV: list[tuple[str, str]] = []


def register_main_link(label, url_name: str) -> None:
    if (label, url_name) not in MAIN_NAV:
        MAIN_NAV.append((label, url_name))


def main_navigation() -> list[dict]:
    links = []
    for label, url_name in MAIN_NAV:
        try:
            links.append({"label": label, "url": reverse(url_name)})
        except NoReverseMatch:
            continue
    return links


def standards_navigation() -> list[dict]:
    nav = []
    for number, title in STANDARDS:
        links = []
        for label, url_name in _LINKS.get(number, []):
            try:
                links.append({"label": label, "url": reverse(url_name)})
            except NoReverseMatch:
                continue
        nav.append({"number": number, "title": title, "links": links})
    return nav
