import pytest
from django.core.management import call_command
from django.utils import translation

from resguardo.standards import selectors
from resguardo.standards.choices import CoverageStatus
from resguardo.standards.coverage import coverage
from resguardo.standards.models import MappingSet
from resguardo.standards.services import libraries_load

from .helpers import fixture_dir

pytestmark = pytest.mark.django_db

A = "urn:resguardo:alpha:1:"
B = "urn:resguardo:beta:1:"


@pytest.fixture
def two_versions(mini_catalog):
    fixture_dir(mini_catalog.parent, "alpha-2.yaml")
    libraries_load(directory=mini_catalog)
    return (
        selectors.library_get("urn:resguardo:alpha:1"),
        selectors.library_get("urn:resguardo:alpha:2"),
    )


def test_library_diff_lists_added_removed_changed(two_versions):
    result = selectors.library_diff(*two_versions)
    assert [n.ref_id for n in result.added] == ["1.3"]
    assert [n.ref_id for n in result.removed] == ["1.2"]
    assert [(c.new.ref_id, c.fields) for c in result.changed] == [("1.1", ["title", "level"])]
    assert result.unchanged == 4


def test_diff_of_a_version_with_itself_is_empty(two_versions):
    assert selectors.library_diff(two_versions[0], two_versions[0]).is_empty


def test_diff_command(two_versions, capsys):
    call_command("standards", "diff", "urn:resguardo:alpha:1", "urn:resguardo:alpha:2")
    out = capsys.readouterr().out
    assert "+ 1.3  Internal audits" in out
    assert "- 1.2  Security policy" in out
    assert "~ 1.1  Risk assessment and treatment  [title, level]" in out
    assert "1 added, 1 removed, 1 changed, 4 unchanged" in out


def _statuses(results):
    report = coverage(results, MappingSet.objects.get())
    return {item.target.ref_id: item.status for item in report.targets}, report


def test_coverage_full_through_superset_and_partial_through_intersect(mini_catalog):
    statuses, report = _statuses({A + "1.1": "compliant"})
    assert statuses["A1.1"] == CoverageStatus.FULL  # superset, compliant
    assert statuses["A1.2"] == CoverageStatus.PARTIAL  # intersect, compliant
    assert statuses["A2.1"] == CoverageStatus.NONE  # source not assessed
    reason = report.by_urn()[B + "A1.1"].reasons[0]
    assert (reason.source.ref_id, reason.relationship, reason.strength) == ("1.1", "superset", 5)
    assert reason.rationale == "Ambos piden evaluación documentada."  # the page language: es


def test_coverage_equal_compliant_is_full_subset_compliant_is_partial(mini_catalog):
    statuses, _report = _statuses({A + "1.2": "compliant", A + "2.1": "compliant"})
    assert statuses["A2.1"] == CoverageStatus.FULL
    assert statuses["B1.1"] == CoverageStatus.PARTIAL


def test_partially_compliant_source_gives_partial_even_when_equal(mini_catalog):
    statuses, _report = _statuses({A + "1.2": "partial"})
    assert statuses["A2.1"] == CoverageStatus.PARTIAL


def test_non_compliant_or_not_applicable_sources_cover_nothing(mini_catalog):
    statuses, report = _statuses({A + "1.1": "non_compliant", A + "1.2": "not_applicable"})
    assert statuses["A1.1"] == statuses["A2.1"] == CoverageStatus.NONE
    assert report.by_urn()[B + "A1.1"].mapped


def test_targets_with_no_mapping_are_listed_as_nothing_maps_here(mini_catalog):
    _statuses_, report = _statuses({A + "1.1": "compliant"})
    lighting = report.by_urn()[B + "B1.2"]
    assert lighting.status == CoverageStatus.NONE and not lighting.mapped
    with translation.override("en"):
        assert lighting.explanation == "Nothing maps here."
    assert report.counts()["unmapped"] == 1
    assert len(report.targets) == 5  # every assessable target requirement


def test_unknown_result_status_is_refused(mini_catalog):
    with pytest.raises(ValueError, match="unknown result status: yes"):
        coverage({A + "1.1": "yes"}, MappingSet.objects.get())
