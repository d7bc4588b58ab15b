"""The published schema holds for the core operations (see schema_fuzz.py)."""

import pytest

from .schema_fuzz import check_operation, fuzz_world, parametrize_group  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("operation", "persona"), parametrize_group("core"))
def test_answers_match_the_schema(fuzz_world, django_db_blocker, operation, persona):  # noqa: F811
    check_operation(fuzz_world, django_db_blocker, operation, persona)


def test_every_operation_is_in_a_group():
    """A new tag must join a group, or its operations would escape the run."""
    from .schema_fuzz import EXCLUDED, GROUPS, operation_tag, operations

    grouped = set().union(*GROUPS.values())
    loose = [label for label, op in operations() if operation_tag(op) not in grouped]
    assert loose == [] and len(operations()) + len(EXCLUDED) > 170
