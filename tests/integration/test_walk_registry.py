"""The walk reaches every route: each URL pattern is named, and each one that takes kwargs
has them in some installed module's walk fixtures; every installed module that has pages or
API routes declares walk fixtures."""

from resguardo.core.modules import installed_modules

from .walking import DISCOVERED, URL_KWARGS, all_routes


def test_every_pattern_is_named_and_has_kwargs_in_the_registry():
    unnamed = [r.pattern for r in all_routes() if r.name is None]
    assert not unnamed, (
        f"URL patterns without a name: {unnamed}. Give each one a name= so the tenancy walk "
        "in tests/integration can reach it."
    )
    missing = sorted(
        {r.name for r in all_routes() if (r.kwarg_names - {"format"}) and r.name not in URL_KWARGS}
    )
    assert not missing, (
        f"URL pattern(s) {missing} take kwargs but have no entry in the url_kwargs of their "
        "module's walk fixtures (<app>/tests/walk.py, named by `walk=` in its ResguardoModule). "
        "Add one per pattern: url name → function(walk) → kwargs pointing at one of "
        "organization Norte's objects (create the object in the fixtures' `build`), so the walk "
        "checks that another organization's user and an anonymous visitor cannot reach it."
    )


def test_the_walk_covers_core_accounts_and_the_api():
    names = {r.name for r in all_routes()}
    for expected in ("core:dashboard", "core:site_detail", "accounts:profile", "api:site-list"):
        assert expected in names


def test_every_module_with_routes_declares_walk_fixtures():
    for installed in installed_modules():
        module = installed.module
        if module.urls or module.api_routes or module.api_paths:
            assert installed.label in DISCOVERED.fixtures, installed.label
