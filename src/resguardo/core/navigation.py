"""The eleven NEEC/OEA standards, the spine of the navigation.

Modules declare the pages that serve each standard (`Link(..., standard=n)` in their
`ResguardoModule`, see core/modules.py), so the navigation grows as modules arrive without core
importing them.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .mailbox import mailbox_enabled
from .modules import registry
from .permissions import has_perm, perm_names

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


@lru_cache(maxsize=1024)
def _address(url_name: str, urlconf, prefix: str) -> str | None:
    """A menu link's address, worked out once (every page shows the whole menu). The URLconf
    and the script prefix reverse() reads are part of the cache key."""
    try:
        return reverse(url_name, urlconf=urlconf)
    except NoReverseMatch:
        return None


def _links(links, membership) -> list[dict]:
    """The links this membership may follow (a link needing a permission it lacks is left out)."""
    found = []
    urlconf, prefix = get_urlconf(), get_script_prefix()
    for link in links:
        if link.perm is not None and not has_perm(membership, link.perm):
            continue
        url = _address(link.url_name, urlconf, prefix)
        if url is not None:
            found.append({"label": link.label, "url": url})
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


_sidenavs: dict[tuple, str] = {}


def sidenav_html(membership) -> str:
    """The side menu. It is the same for every member with the same role, in the same
    language, so it is rendered once per process for each (role, language) and reused on
    every page after that (with DEBUG, on every page, so template edits show at once)."""
    key = (
        membership.role,
        membership.is_current,
        get_language(),
        get_urlconf(),
        get_script_prefix(),
        mailbox_enabled(),
    )
    html = None if settings.DEBUG else _sidenavs.get(key)
    if html is None:
        html = render_to_string(
            "core/partials/_sidenav.html",
            {
                "main_nav_links": main_navigation(membership),
                "standards_nav": standards_navigation(membership),
                "perms_in_org": perm_names(membership.role),
                "mailbox_enabled": key[-1],
            },
        )
        if len(_sidenavs) > 256:  # roles × languages are few: this only bounds a surprise
            _sidenavs.clear()
        _sidenavs[key] = html
    return html
