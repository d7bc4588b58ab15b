import pytest
from django.http import Http404
from django.utils import translation

from resguardo.standards import selectors
from resguardo.standards.models import RequirementNode

pytestmark = pytest.mark.django_db


def test_bilingual_properties_follow_the_active_language(mini_catalog):
    node = selectors.node_get("urn:resguardo:alpha:1:1.1")
    with translation.override("es-mx"):
        assert node.title == "Análisis de riesgo"
        assert node.notes_text == ["Describir la metodología de evaluación."]
    with translation.override("en"):
        assert node.title == "Risk assessment"
        assert node.evidence_text == ["Signed matrix"]


def test_node_tree_nests_children_in_order_in_one_query(mini_catalog, django_assert_num_queries):
    library = selectors.library_get("urn:resguardo:alpha:1")
    with django_assert_num_queries(1):
        roots = selectors.node_tree(library)
        assert [r.ref_id for r in roots] == ["1", "2"]
        assert [c.ref_id for c in roots[0].subnodes] == ["1.1", "1.2"]
        assert [c.ref_id for c in roots[1].subnodes[0].subnodes] == ["2.1.P1"]


def test_assessable_nodes_honours_applicability_flags(mini_catalog):
    library = selectors.library_get("urn:resguardo:alpha:1")
    without_yard = [n.ref_id for n in selectors.assessable_nodes(library, set())]
    with_yard = [n.ref_id for n in selectors.assessable_nodes(library, {"yard"})]
    assert without_yard == ["1.1", "1.2", "2.1"]
    assert with_yard == ["1.1", "1.2", "2.1", "2.1.P1"]


def test_mappings_for_node_both_directions(mini_catalog):
    source = selectors.node_get("urn:resguardo:alpha:1:1.1")
    target = selectors.node_get("urn:resguardo:beta:1:A1.1")
    assert {m.target.ref_id for m in selectors.mappings_for_node(source)} == {"A1.1", "A1.2"}
    assert [m.source.ref_id for m in selectors.mappings_for_node(target)] == ["1.1"]


def test_checklist_get_returns_points_in_order(mini_catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        checklist = selectors.checklist_get("box-3")
        points = list(checklist.points.all())
    assert [p.code for p in points] == ["1", "2", "3"]
    with translation.override("en"):
        assert points[0].title == "Front wall"
        assert points[0].guidance == "Tap for hollow spots."
    with translation.override("es-mx"):
        assert points[0].guidance == "Golpear para detectar huecos."
    with pytest.raises(Http404):
        selectors.checklist_get("no-such-list")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("análisis", {"1.1"}),  # Spanish title
        ("ANALISIS", {"1.1"}),  # accents and case ignored
        ("risk assessment", {"1.1"}),  # English title
        ("metodología", {"1.1"}),  # Spanish note
        ("periodic inspection", {"2.1"}),  # English note
        ("management", {"1.2"}),  # English description
        ("2.1.P1", {"2.1.P1"}),  # reference
        ("fence riesgo", set()),  # every word must match
    ],
)
def test_search_in_both_languages(mini_catalog, query, expected):
    queryset = RequirementNode.objects.filter(library__urn="urn:resguardo:alpha:1")
    assert {n.ref_id for n in selectors.node_search(queryset, query)} == expected
