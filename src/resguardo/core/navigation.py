"""The eleven NEEC/OEA standards, the spine of the navigation.

Modules declare the pages that serve each standard (`Link(..., standard=n)` in their
`ResguardoModule`, see core/modules.py), so the navigation grows as modules arrive without core
importing them.
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .modules import registry

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


def main_navigation() -> list[dict]:
    links = []
    for link in registry().main_links:
        try:
            links.append({"label": link.label, "url": reverse(link.url_name)})
        except NoReverseMatch:
            continue
    return links


def standards_navigation() -> list[dict]:
    nav = []
    for number, title in STANDARDS:
        links = []
        for link in registry().standard_links.get(number, []):
            try:
                links.append({"label": link.label, "url": reverse(link.url_name)})
            except NoReverseMatch:
                continue
        nav.append({"number": number, "title": title, "links": links})
    return nav
