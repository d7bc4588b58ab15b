"""The API's list endpoints: one envelope, and a query count that does not grow with the
rows (each module's walk fixtures name the lists to grow)."""

import warnings

import pytest
from django.core.paginator import UnorderedObjectListWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .test_api_schema import ENVELOPE, api_routes, normalized
from .walking import DISCOVERED


def _list_routes():
    for name, pattern in api_routes():
        if name.endswith("-list"):
            yield name, normalized(pattern)


def test_every_list_endpoint_answers_the_paginated_envelope(records, api_for):
    """One envelope everywhere, over a fixed order (pages never skip or repeat rows)."""
    api = api_for(records.alice)
    shapes = {}
    for name, path in _list_routes():
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnorderedObjectListWarning)
            response = api.get(path, {"page_size": 1})
        body = response.json()
        shapes[name] = (response.status_code, list(body) if isinstance(body, dict) else "list")
    assert shapes == {name: (200, ENVELOPE) for name in shapes}


GROWERS = DISCOVERED.list_growers


def _count(api, url, page_size) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, {"page_size": page_size})
    assert response.status_code == 200, response.content
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("grow", GROWERS, ids=lambda g: g.__name__.removeprefix("_grow_"))
def test_list_queries_do_not_grow_with_the_rows(
    records, api_for, grow, django_assert_max_num_queries
):
    url = grow(records)
    api = api_for(records.alice)
    api.get(url)  # warm-up: per-process caches (content types, translations)
    few, shown = _count(api, url, 3)
    assert shown == 3
    with django_assert_max_num_queries(few):
        response = api.get(url, {"page_size": 30})
    assert len(response.json()["results"]) == 30
