"""The dashboard and list pages issue a number of SQL queries that does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resguardo.core import services
from resguardo.core.actors import Actor
from resguardo.core.choices import Role, SiteKind
from resguardo.testing.factories import MembershipFactory, UserFactory, aduana

PAGES = ["core:dashboard", "core:site_list", "core:member_list", "core:audit_log"]
# Today 10-12 for core alone (one of them the notification bell); the dashboard also runs the
# panels the eleven standards' modules register (1-3 queries each, whatever the data size).
MAX_QUERIES = {"core:dashboard": 36}
MAX_LIST_QUERIES = 11


def grow(world, up_to: int) -> None:
    """Give Norte `up_to` more of everything the pages list: sites, members (limited to sites,
    some auditors), pending invitations and audit entries."""
    admin = world.membership(world.alice)
    existing = world.org.sites.count()
    for n in range(existing, existing + up_to):
        site = services.site_create(
            actor=Actor.for_member(admin),
            name=f"Sitio {n:03d}",
            kind=SiteKind.OFFICE,
            aduana=aduana("24"),
        )
        role = Role.AUDITOR if n % 5 == 0 else Role.STAFF
        MembershipFactory(
            user=UserFactory(email=f"persona{n:03d}@norte.example.mx"),
            organization=world.org,
            role=role,
            sites=[site, world.yard],
        )
        services.invitation_create(
            actor=Actor.for_member(admin),
            email=f"nueva{n:03d}@norte.example.mx",
            role=Role.STAFF,
            sites=[site],
        )


def count_queries(client, url) -> int:
    client.get(url)  # warm-up: per-process caches (content types, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_queries_do_not_grow_with_the_data(world, client_for, page):
    client = client_for(world.alice)
    url = reverse(page)
    grow(world, 3)
    few = count_queries(client, url)
    grow(world, 27)
    many = count_queries(client, url)
    assert many == few, f"{page}: {few} queries with 3 rows, {many} with 30"


@pytest.mark.parametrize("page", PAGES)
def test_pages_stay_under_the_query_budget(world, client_for, django_assert_max_num_queries, page):
    client = client_for(world.alice)
    grow(world, 30)
    url = reverse(page)
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES.get(page, MAX_LIST_QUERIES)):
        assert client.get(url).status_code == 200


def test_site_manager_list_is_also_flat(world, client_for):
    """A site-limited role filters in SQL, not with a query per site."""
    client = client_for(world.sam)
    url = reverse("core:site_list")
    grow(world, 3)
    few = count_queries(client, url)
    grow(world, 27)
    assert count_queries(client, url) == few
