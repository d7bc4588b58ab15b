from types import SimpleNamespace

import pytest

from .roles import office_records
from .walking import DISCOVERED, SHARED_OBJECT_ROUTES, URL_KWARGS


@pytest.fixture(autouse=True)
def english_interface(settings):
    """These tests read the English msgids; the product's default language is Spanish."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def walk(world):
    """The world, plus one of each of Norte's objects that a URL can name: every installed
    module's walk fixtures build theirs on it."""
    walk = SimpleNamespace(
        **vars(world), world=world, membership=world.membership, actor=world.actor
    )
    DISCOVERED.build(walk)
    walk.markers = DISCOVERED.markers(walk)
    return walk


@pytest.fixture
def records(world):
    """One of each of Norte's records, as the tenancy walk builds them (on the world)."""
    DISCOVERED.build(world)
    return world


@pytest.fixture
def office(walk):
    """Shipments and conveyance records at Norte's office, with the kwargs of every route that
    names one: the routes whose kwargs, read from the office's records instead of the walk's,
    name another object."""
    records = office_records(walk)
    # The shipments and conveyance walk fixtures keep their records on `_shipments` and
    # `_conveyance`: hand them the office's records.
    as_walk = SimpleNamespace(_shipments=records, _conveyance=records)
    office_kwargs = {}
    for name, kwargs_of in URL_KWARGS.items():
        if name in SHARED_OBJECT_ROUTES:
            continue
        try:
            kwargs = kwargs_of(as_walk)
        except (KeyError, AttributeError):  # a record the office walk has no twin of
            continue
        if any(v is None for v in kwargs.values()) or kwargs == kwargs_of(walk):
            continue
        office_kwargs[name] = kwargs
    office_kwargs["core:site_detail"] = {"pk": walk.office.pk}
    office_kwargs["core:site_update"] = {"pk": walk.office.pk}
    office_kwargs["api:site-detail"] = {"pk": walk.office.pk}
    return SimpleNamespace(records=records, kwargs=office_kwargs)
