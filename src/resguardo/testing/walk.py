"""Walk fixtures: what each module gives the cross-app tenancy and role walks
(tests/integration/test_walk_*.py, test_roles_*.py, test_api_*.py).

A module names its fixtures in its ResguardoModule (`walk="resguardo.<app>.tests.walk.WALK"`);
the walks discover them through `resguardo.core.modules.walk_fixture_paths()`, so a new module
is walked as soon as it is installed, with no edit to the walks.

The walk is a namespace holding the `world` personas (alice, carla, sam, sofia, audrey of
organization Norte; oscar of Sur), `world` itself, and whatever the modules' `build` put there.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class WalkFixtures:
    # build(walk): create one of each of Norte's objects a URL can name, and keep them on the
    # walk (e.g. `walk.compliance = ...`). It may also receive the bare world (API contract).
    build: Callable | None = None
    # url name -> function(walk) -> kwargs naming one of those objects. A URL pattern with
    # kwargs and no entry here fails the walk's completeness test.
    url_kwargs: Mapping[str, Callable] = field(default_factory=dict)
    # markers(walk): texts of Norte's objects that must never be shown to anyone outside
    markers: Callable[..., Iterable[str]] | None = None
    # routes whose kwargs name data every organization shares: name -> why
    shared_object_routes: Mapping[str, str] = field(default_factory=dict)
    # routes reachable without signing in: name -> why (still checked for leaks)
    public_routes: Mapping[str, str] = field(default_factory=dict)
    # routes about the signed-in person themself (their notifications, preferences, calendar
    # address), which every member may use whatever their role: name -> why
    self_service_routes: Mapping[str, str] = field(default_factory=dict)
    # snapshot(walk) -> plain values of every row a hostile write could change
    snapshot: Callable | None = None
    # list_ids(walk) -> {api list route name: (field, Norte's ids)}: Sur's lists hold none
    list_ids: Callable | None = None
    # functions(world) -> API list URL after adding 30 rows: the query count must not grow
    list_growers: tuple[Callable, ...] = ()


@dataclass(frozen=True)
class DiscoveredWalk:
    """Every installed module's walk fixtures, merged."""

    fixtures: dict[str, WalkFixtures] = field(default_factory=dict)

    def _merged(self, attribute: str) -> dict:
        merged: dict = {}
        for fixtures in self.fixtures.values():
            merged.update(getattr(fixtures, attribute))
        return merged

    @property
    def url_kwargs(self) -> dict[str, Callable]:
        return self._merged("url_kwargs")

    @property
    def shared_object_routes(self) -> dict[str, str]:
        return self._merged("shared_object_routes")

    @property
    def public_routes(self) -> dict[str, str]:
        return self._merged("public_routes")

    @property
    def self_service_routes(self) -> dict[str, str]:
        return self._merged("self_service_routes")

    @property
    def list_growers(self) -> list[Callable]:
        return [g for fixtures in self.fixtures.values() for g in fixtures.list_growers]

    def build(self, walk) -> None:
        for fixtures in self.fixtures.values():
            if fixtures.build is not None:
                fixtures.build(walk)

    def markers(self, walk) -> list[str]:
        found: list[str] = []
        for fixtures in self.fixtures.values():
            if fixtures.markers is not None:
                found.extend(fixtures.markers(walk))
        return found

    def snapshot(self, walk) -> dict:
        return {
            label: fixtures.snapshot(walk)
            for label, fixtures in self.fixtures.items()
            if fixtures.snapshot is not None
        }

    def list_ids(self, walk) -> dict:
        found: dict = {}
        for fixtures in self.fixtures.values():
            if fixtures.list_ids is not None:
                found.update(fixtures.list_ids(walk))
        return found


def discover() -> DiscoveredWalk:
    from resguardo.core.modules import walk_fixture_paths

    return DiscoveredWalk({label: import_string(path) for label, path in walk_fixture_paths()})
