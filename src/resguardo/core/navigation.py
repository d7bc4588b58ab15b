"""The eleven NEEC/OEA standards, the spine of the navigation.

Modules declare the pages that serve each standard (`Link(..., standard=n)` in their
`ResguardoModule`, see core/modules.py), so the navigation grows as modules arrive without core
importing them.
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .modules import registry
from .permissions import has_perm

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


def _links(links, membership) -> list[dict]:
    """The links this membership may follow (a link needing a permission it lacks is left out)."""
    found = []
    for link in links:
        if link.perm is not None and not has_perm(membership, link.perm):
            continue
        try:
            found.append({"label": link.label, "url": reverse(link.url_name)})
        except NoReverseMatch:
            continue
    return found


def main_navigation(membership=None) -> list[dict]:
    return _links(registry().main_links, membership)


def standards_navigation(membership=None) -> list[dict]:
    standard_links = registry().standard_links
    return [
        {
            "number": number,
            "title": title,
            "links": _links(standard_links.get(number, []), membership),
        }
        for number, title in STANDARDS
    ]
