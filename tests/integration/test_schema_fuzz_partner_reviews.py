"""The published schema holds for the partner reviews, screening and watchlists (see
schema_fuzz.py)."""

import pytest

from .schema_fuzz import check_operation, fuzz_world, parametrize_group  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("operation", "persona"), parametrize_group("partner_reviews"))
def test_answers_match_the_schema(fuzz_world, django_db_blocker, operation, persona):  # noqa: F811
    check_operation(fuzz_world, django_db_blocker, operation, persona)
