"""The published schema holds for operations of tags no group names (a new module's)."""

import pytest

from .schema_fuzz import OTHERS, check_operation, fuzz_world, parametrize_group  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("operation", "persona"), parametrize_group(OTHERS))
def test_answers_match_the_schema(fuzz_world, django_db_blocker, operation, persona):  # noqa: F811
    check_operation(fuzz_world, django_db_blocker, operation, persona)
