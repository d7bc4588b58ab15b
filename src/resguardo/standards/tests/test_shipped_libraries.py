"""Guards the shipped catalog content: every file validates and the set loads."""

import pytest
from django.core.management import call_command

from resguardo.standards import selectors
from resguardo.standards.models import Checklist, MappingSet
from resguardo.standards.services import libraries_load, library_files
from resguardo.standards.validation import validate_files


def test_shipped_library_files_validate():
    report = validate_files(library_files())
    assert report.ok, "\n".join(str(p) for p in report.problems)


@pytest.mark.django_db
def test_shipped_libraries_load_and_reload_idempotently():
    outcomes = libraries_load()
    assert all(o.created for o in outcomes)
    for key in ("neec-aa", "ctpat-msc", "wco-safe", "iso-28000"):
        assert selectors.library_active(key) is not None, key
    neec = selectors.library_active("neec-aa")
    roots = selectors.node_tree(neec)
    assert len(roots) == 11  # the eleven NEEC/OEA standards
    assert MappingSet.objects.filter(source_library=neec).count() >= 3
    assert set(Checklist.objects.values_list("key", flat=True)) >= {"container-7"}
    assert not any(o.created for o in libraries_load())


@pytest.mark.django_db
def test_demo_style_quiet_load():
    call_command("standards", "load", verbosity=0)
    assert selectors.library_active("neec-aa") is not None
