"""The module registry: declarations are read in INSTALLED_APPS order, and a wrong declaration
stops the start-up naming the module and the path, never later."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from resguardo.core import modules
from resguardo.core.indicators import Direction, Indicator, Reading, Unit
from resguardo.core.modules import Installed, Link, ResguardoModule, Urls

INDICATORS = [
    Indicator(
        key="test.twice",
        label="Twice",
        unit=Unit.COUNT,
        target=0,
        direction=Direction.LOWER_IS_BETTER,
        compute=lambda organization, site=None: Reading(None),
    )
]


def _registry_of(monkeypatch, *declared):
    monkeypatch.setattr(modules, "installed_modules", lambda: list(declared))
    return modules.registry.__wrapped__()


def test_links_keep_the_declaration_order(monkeypatch):
    reg = _registry_of(
        monkeypatch,
        Installed("a", ResguardoModule(links=(Link("A", "a:x"), Link("A4", "a:y", standard=4)))),
        Installed("b", ResguardoModule(links=(Link("B", "b:x"), Link("B4", "b:y", standard=4)))),
    )
    assert [link.label for link in reg.main_links] == ["A", "B"]
    assert [link.label for link in reg.standard_links[4]] == ["A4", "B4"]


def test_a_wrong_dotted_path_names_the_module_and_the_path(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="module broken: cannot import 'no.such.seed'"):
        _registry_of(monkeypatch, Installed("broken", ResguardoModule(demo_seeder="no.such.seed")))


def test_an_indicator_key_declared_twice_is_refused(monkeypatch):
    path = f"{__name__}.INDICATORS"
    with pytest.raises(ImproperlyConfigured, match="test.twice"):
        _registry_of(
            monkeypatch,
            Installed("a", ResguardoModule(indicators=path)),
            Installed("b", ResguardoModule(indicators=path)),
        )


def test_empty_prefixes_mount_last(monkeypatch):
    monkeypatch.setattr(
        modules,
        "installed_modules",
        lambda: [
            Installed("core", ResguardoModule(urls=(Urls("", "x.urls"),))),
            Installed("b", ResguardoModule(urls=(Urls("b/", "b.urls"), Urls("q/", "q.urls")))),
        ],
    )
    assert [(m.prefix, label) for m, label in modules.url_mounts()] == [
        ("b/", "b"),
        ("q/", "b"),
        ("", "core"),
    ]


def test_the_installed_apps_declare_their_modules():
    labels = [installed.label for installed in modules.installed_modules()]
    assert labels[:2] == ["core", "accounts"]


def test_home_and_topbar_panel_templates_read_their_values_through_panel(world):
    """A panel's template is included `with panel=...`: a value read by its bare name is
    always empty, and the panel silently disappears (the gate panel did, unnoticed)."""
    import re

    from django.template import loader

    membership = world.membership(world.alice)
    checked = 0
    for host in (modules.DASHBOARD, "topbar"):
        for template_name, context in modules.registry().panels.get(host, []):
            keys = set(context(membership))
            source = loader.get_template(template_name).template.source
            tags = " ".join(a or b for a, b in re.findall(r"{{(.*?)}}|{%(.*?)%}", source, re.S))
            tags = re.sub(r"(['\"]).*?\1", "", tags)  # string literals name nothing
            bare = {key for key in keys if re.search(rf"(?<![\w.]){re.escape(key)}\b", tags)}
            assert not bare, f"{template_name} reads {sorted(bare)} without `panel.`"
            checked += 1
    assert checked >= 9
