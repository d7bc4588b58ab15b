"""Module registration in one place.

Each app declares everything it brings to the product in one `ResguardoModule`, set as the
`resguardo` attribute of its AppConfig:

    # partners/apps.py
    class PartnersConfig(AppConfig):
        name = "resguardo.partners"
        resguardo = ResguardoModule(
            urls=(Urls("partners/", "resguardo.partners.urls"),),
            api_routes=(ApiRoute("partners", "resguardo.partners.api.views.PartnerViewSet",
                                 "partner"),),
            links=(Link(_("Business partners"), "partners:partner_list", standard=4),),
            indicators="resguardo.partners.indicators.INDICATORS",
            ...
        )

When the apps are ready, core reads the declarations of the installed apps, in INSTALLED_APPS
order (which is the order of the menu, the dashboard panels and the demo seeders), and feeds
the URL configuration, the API router, the navigation, the dashboard, the detail panels, the
indicator catalog, the event subscriptions, the counterparty checks, the demo and the
due-date calendar. Adding a module therefore touches only INSTALLED_APPS.

Code is named by dotted path (as Django names URL modules and middleware): the declaration is
read while models load, before the app's code may be imported. Every path is imported when the
apps are ready, so a typo stops the start-up with the path in the message, never later.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

DASHBOARD = "dashboard"  # the host of the home page's panels
TOPBAR = "topbar"  # small items in every page's top bar (context(membership)), e.g. a bell


@dataclass(frozen=True)
class Urls:
    """The app's pages, mounted under `prefix` ("" mounts last, after every other prefix)."""

    prefix: str
    module: str  # dotted path of a URLconf module with its own app_name


@dataclass(frozen=True)
class ApiRoute:
    """A viewset under /api/v1/<prefix>/, named api:<basename>-<action>."""

    prefix: str
    viewset: str  # dotted path
    basename: str


@dataclass(frozen=True)
class ApiPath:
    """A plain API view under /api/v1/<route>, named api:<name>."""

    route: str
    view: str  # dotted path of an APIView class
    name: str


@dataclass(frozen=True)
class Link:
    """A menu entry: under one of the eleven standards, or a main link when standard is None."""

    label: str
    url_name: str
    standard: int | None = None
    # the permission the page needs (core.permissions.Perm): the link is shown only to a
    # membership that holds it, so no menu entry leads to a refused page
    perm: str | None = None


@dataclass(frozen=True)
class Panel:
    """A section of a host page: the dashboard (context(membership) -> dict) or another app's
    detail page, e.g. host="shipments.shipment" (context(membership, obj) -> dict)."""

    template: str
    context: str  # dotted path
    host: str = DASHBOARD


@dataclass(frozen=True)
class Subscription:
    """A domain event handler: `subscribe(event, handler)` once the apps are ready."""

    event: str  # dotted path of a DomainEvent class
    handler: str  # dotted path


@dataclass(frozen=True)
class Schedule:
    """A periodic job: `task` (dotted path of a django-tasks task taking no arguments) is
    enqueued when the cron expression `cron` (minute hour day month weekday, server time
    zone) comes due. `name` is stable: the scheduler keeps one row per name with its last run.
    """

    name: str
    cron: str
    task: str


@dataclass(frozen=True)
class DueDate:
    """One dated obligation for the obligations calendar (a review, an expiry, a notice...).

    `key` names the obligation, not its date ("compliance.action:42"): a moved date keeps the
    key, so a reminder already sent for an offset is not sent again and the iCal event is
    updated rather than duplicated. Providers return open obligations only (done ones drop
    out); one due before today is overdue.
    """

    key: str
    title: str
    due_on: datetime.date
    url: str = ""
    standard: int | None = None
    site_id: int | None = None  # None: organization-wide
    owner_id: int | None = None  # the user responsible, when there is one
    perm: str = "view"  # core.permissions.Perm a member needs to see it
    module: str = ""  # filled in from the providing app's label


@dataclass(frozen=True)
class HeldItem:
    """Something a person holds that must come back or be revoked when they leave (a badge,
    a key, a customs gafete, seals in custody, an account): the departure checklist gathers
    them from every module. `key` names the item ("facilities.badge:12")."""

    key: str
    kind: str  # a short label of what it is: "Badge", "Key"... (translated by the provider)
    label: str  # which one: "Badge V-0042", "Key 17 (yard gate)"
    url: str = ""
    module: str = ""  # filled in from the providing app's label


@dataclass(frozen=True)
class ResguardoModule:
    """What one app brings. Every field is optional; see docs/DEVELOPING.md."""

    urls: tuple[Urls, ...] = ()
    api_routes: tuple[ApiRoute, ...] = ()
    api_paths: tuple[ApiPath, ...] = ()
    links: tuple[Link, ...] = ()
    panels: tuple[Panel, ...] = ()
    # dotted path of an iterable of core.indicators.Indicator
    indicators: str = ""
    subscriptions: tuple[Subscription, ...] = ()
    # dotted path of seeder(context: core.demo.DemoContext), run once on an empty database
    demo_seeder: str = ""
    # dotted paths of check(*, organization, rfcs: set[str]) -> {rfc: reason}
    counterparty_checks: tuple[str, ...] = ()
    # dotted paths of provider(*, organization, start: date | None, end: date)
    # -> Iterable[DueDate]: the organization's open obligations due in [start, end] (no lower
    # bound when start is None). One or two queries per provider, whatever the row count.
    due_dates: tuple[str, ...] = ()
    # dotted paths of provider(*, organization, user, employee_number: str, full_name: str)
    # -> Iterable[HeldItem]: what this person still holds (matched by Resguardo account when
    # they have one, else by employee number)
    held_items: tuple[str, ...] = ()
    # dotted paths of summary(membership) -> {standard number: {"readiness": float | None,
    # "url": str}}: how far the organization is on each standard (the home page's cards)
    standard_summaries: tuple[str, ...] = ()
    # periodic jobs (Schedule) the scheduler enqueues when due
    schedules: tuple[Schedule, ...] = ()
    # dotted paths of start() -> None, called once by `resguardo worker` and the demo server
    # to start the app's background loops (daemon threads), e.g. the scheduler
    background: tuple[str, ...] = ()
    # dotted path of the app's walk fixtures (resguardo.testing.walk.WalkFixtures), read only
    # by the cross-app tests in tests/integration
    walk: str = ""


@dataclass(frozen=True)
class Installed:
    label: str
    module: ResguardoModule


@dataclass
class Registry:
    """Everything the installed modules declared, with their code imported."""

    main_links: list[Link] = field(default_factory=list)
    standard_links: dict[int, list[Link]] = field(default_factory=dict)
    panels: dict[str, list[tuple[str, Callable]]] = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    seeders: list[Callable] = field(default_factory=list)
    counterparty_checks: list[Callable] = field(default_factory=list)
    due_date_providers: list[tuple[str, Callable]] = field(default_factory=list)
    held_item_providers: list[tuple[str, Callable]] = field(default_factory=list)
    standard_summaries: list[Callable] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)
    background: list[Callable] = field(default_factory=list)


def installed_modules() -> list[Installed]:
    """The declarations of the installed apps, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        module = getattr(config, "resguardo", None)
        if module is None:
            continue
        if not isinstance(module, ResguardoModule):
            raise ImproperlyConfigured(f"{config.name}.resguardo must be a ResguardoModule")
        found.append(Installed(config.label, module))
    return found


def _load(path: str, label: str):
    try:
        return import_string(path)
    except ImportError as error:
        raise ImproperlyConfigured(f"module {label}: cannot import {path!r}: {error}") from error


@cache
def registry() -> Registry:
    reg = Registry()
    for installed in installed_modules():
        module, label = installed.module, installed.label
        for link in module.links:
            if link.standard is None:
                reg.main_links.append(link)
            else:
                reg.standard_links.setdefault(link.standard, []).append(link)
        for panel in module.panels:
            reg.panels.setdefault(panel.host, []).append(
                (panel.template, _load(panel.context, label))
            )
        if module.indicators:
            for indicator in _load(module.indicators, label):
                if indicator.key in reg.indicators:
                    raise ImproperlyConfigured(f"indicator {indicator.key} is declared twice")
                reg.indicators[indicator.key] = indicator
        if module.demo_seeder:
            reg.seeders.append(_load(module.demo_seeder, label))
        reg.counterparty_checks += [_load(p, label) for p in module.counterparty_checks]
        reg.due_date_providers += [(label, _load(p, label)) for p in module.due_dates]
        reg.held_item_providers += [(label, _load(p, label)) for p in module.held_items]
        reg.standard_summaries += [_load(p, label) for p in module.standard_summaries]
        for schedule in module.schedules:
            if any(known.name == schedule.name for known in reg.schedules):
                raise ImproperlyConfigured(f"schedule {schedule.name} is declared twice")
            _load(schedule.task, label)
            reg.schedules.append(schedule)
        reg.background += [_load(p, label) for p in module.background]
    return reg


def subscribe_handlers() -> None:
    """Subscribe every declared event handler (once, when the apps are ready)."""
    from .events import subscribe

    for installed in installed_modules():
        for subscription in installed.module.subscriptions:
            subscribe(
                _load(subscription.event, installed.label),
                _load(subscription.handler, installed.label),
            )


def panels_for(host: str, membership, *objects) -> list[dict]:
    """The panels other modules add to a host page, each as {"template": ..., **context}."""
    return [
        {"template": template, **context(membership, *objects)}
        for template, context in registry().panels.get(host, [])
    ]


def due_dates(
    *,
    organization,
    start: datetime.date | None,
    end: datetime.date,
    membership=None,
) -> list[DueDate]:
    """Every module's open obligations due between start and end, soonest first.

    With a membership, only what that member may see: the item's permission and, for a
    site-scoped role, its sites (organization-wide items stay visible).
    """
    from dataclasses import replace

    from .permissions import allowed_site_ids, has_perm

    site_ids = allowed_site_ids(membership) if membership is not None else None
    found: list[DueDate] = []
    for label, provider in registry().due_date_providers:
        for item in provider(organization=organization, start=start, end=end):
            if membership is not None:
                if not has_perm(membership, item.perm):
                    continue
                scoped = site_ids is not None and item.site_id is not None
                if scoped and item.site_id not in site_ids:
                    continue
            found.append(replace(item, module=label) if not item.module else item)
    return sorted(found, key=lambda d: (d.due_on, str(d.title), d.key))


def start_background() -> None:
    """Start every module's background loops (`resguardo worker` and the demo server)."""
    for start in registry().background:
        start()


def record_url(url_name: str) -> Callable[[int], str]:
    """`reverse(url_name, args=[pk])` for thousands of rows: reversed once with a marker, the
    pk put in by replacement (due-date providers build a URL per row)."""
    from django.urls import reverse

    marker = "987654321987654321"
    head, tail = reverse(url_name, args=[marker]).split(marker)
    return lambda pk: f"{head}{pk}{tail}"


def held_items(*, organization, user=None, employee_number="", full_name="") -> list[HeldItem]:
    """Everything every module says this person still holds (the departure checklist)."""
    from dataclasses import replace

    found: list[HeldItem] = []
    for label, provider in registry().held_item_providers:
        for item in provider(
            organization=organization,
            user=user,
            employee_number=employee_number,
            full_name=full_name,
        ):
            found.append(replace(item, module=label) if not item.module else item)
    return found


def url_mounts() -> list[tuple[Urls, str]]:
    """(mount, app label) for every module's pages; empty prefixes last (they catch the rest)."""
    mounts = [(urls, i.label) for i in installed_modules() for urls in i.module.urls]
    return sorted(mounts, key=lambda mount: mount[0].prefix == "")


def api_routes() -> Iterable[ApiRoute]:
    for installed in installed_modules():
        yield from installed.module.api_routes


def api_paths() -> Iterable[ApiPath]:
    for installed in installed_modules():
        yield from installed.module.api_paths


def walk_fixture_paths() -> list[tuple[str, str]]:
    """(app label, dotted path) of every installed module's walk fixtures."""
    return [(i.label, i.module.walk) for i in installed_modules() if i.module.walk]
