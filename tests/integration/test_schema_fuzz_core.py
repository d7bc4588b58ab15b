"""The published schema holds for the core operations (see schema_fuzz.py)."""

import pytest

from .schema_fuzz import check_operation, fuzz_world, parametrize_group  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("operation", "persona"), parametrize_group("core"))
def test_answers_match_the_schema(fuzz_world, django_db_blocker, operation, persona):  # noqa: F811
    check_operation(fuzz_world, django_db_blocker, operation, persona)


def test_every_operation_is_run_by_one_file():
    """Tags no group names are run by test_schema_fuzz_others.py: nothing escapes the run."""
    from .schema_fuzz import EXCLUDED, GROUPS, operations, other_operations

    by_group = [label for tags in GROUPS.values() for label, _op in operations(tags)]
    others = [label for label, _op in other_operations()]
    everything = [label for label, _op in operations()]
    assert sorted(by_group + others) == sorted(everything)
    assert len(everything) + len(EXCLUDED) > 170
