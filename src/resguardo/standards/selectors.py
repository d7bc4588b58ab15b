"""Reads of the standards catalog. The catalog is global reference data (not tenant data), so
these selectors take no membership; views and endpoints still require a signed-in member.

Other apps refer to requirements by URN and use these names: `library_get`, `library_active`,
`library_list`, `node_list`, `node_tree`, `assessable_nodes`, `node_get`, `mappings_for_node`,
`checklist_get`, `library_diff`.
"""

from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .diff import library_diff  # noqa: F401  (part of this module's public reads)
from .models import (
    Checklist,
    ChecklistPoint,
    ChecklistSet,
    Framework,
    Library,
    Mapping,
    MappingSet,
    RequirementNode,
)
from .search import query_words
from .validation import KnownLibrary

_MAPPING_RELATED = (
    "mapping_set",
    "source__library__framework",
    "target__library__framework",
)


def framework_list():
    return Framework.objects.prefetch_related(
        Prefetch("libraries", queryset=Library.objects.order_by("-is_active", "-effective_date"))
    ).order_by("key")


def library_list():
    return (
        Library.objects.select_related("framework")
        .annotate(node_count=Count("nodes"))
        .order_by("framework__key", "-is_active", "-effective_date", "-version")
    )


def library_get(urn: str) -> Library:
    return get_object_or_404(Library.objects.select_related("framework"), urn=urn)


def library_active(framework_key: str) -> Library | None:
    return (
        Library.objects.select_related("framework")
        .filter(framework__key=framework_key, is_active=True)
        .first()
    )


def node_list(library=None):
    queryset = RequirementNode.objects.select_related("library__framework")
    if library is not None:
        queryset = queryset.filter(library=library)
    return queryset.order_by("library_id", "order")


def node_search(queryset, query: str):
    """Nodes whose reference, title, description or notes contain every word of `query`, in
    Spanish or English, ignoring case and accents."""
    for word in query_words(query or ""):
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def node_tree(library, nodes=None) -> list[RequirementNode]:
    """The library's root nodes; each node's `subnodes` lists its children in order.

    One query (none when `nodes`, already fetched in order, are given)."""
    nodes = list(node_list(library)) if nodes is None else nodes
    by_id = {node.pk: node for node in nodes}
    roots = []
    for node in nodes:
        node.subnodes = []
    for node in nodes:
        parent = by_id.get(node.parent_id)
        if parent is None:
            roots.append(node)
        else:
            parent.subnodes.append(node)
    return roots


def assessable_nodes(library, flags=frozenset()) -> list[RequirementNode]:
    """Assessable requirements that apply to an organization with these applicability flags:
    those whose `applies_if` flags are all in `flags`."""
    flags = set(flags)
    return [
        node for node in node_list(library).filter(assessable=True) if set(node.applies_if) <= flags
    ]


def node_get(urn: str) -> RequirementNode:
    return get_object_or_404(
        RequirementNode.objects.select_related("library__framework", "parent"), urn=urn
    )


def node_ancestors(node: RequirementNode) -> list[RequirementNode]:
    """From the root down to the node's parent (one query)."""
    if node.parent_id is None:
        return []
    by_id = {
        n.pk: n
        for n in RequirementNode.objects.filter(
            library_id=node.library_id, depth__lt=node.depth
        ).only("pk", "parent_id", "urn", "ref_id", "title_es", "title_en", "depth")
    }
    chain, current = [], by_id.get(node.parent_id)
    while current is not None:
        chain.append(current)
        current = by_id.get(current.parent_id)
    return list(reversed(chain))


def mappings_for_node(node: RequirementNode):
    """Mappings from or to this requirement, in any mapping set."""
    return (
        Mapping.objects.filter(Q(source=node) | Q(target=node))
        .select_related(*_MAPPING_RELATED)
        .order_by("mapping_set__urn", "order")
    )


def mappings_for_libraries(library_ids):
    """Every mapping touching these libraries, from either side (one query)."""
    return (
        Mapping.objects.filter(
            Q(source__library_id__in=library_ids) | Q(target__library_id__in=library_ids)
        )
        .select_related(*_MAPPING_RELATED)
        .order_by("mapping_set_id", "order")
    )


def mapping_list():
    return Mapping.objects.select_related(*_MAPPING_RELATED).order_by("mapping_set_id", "order")


def mapping_set_list():
    return MappingSet.objects.select_related(
        "source_library__framework", "target_library__framework"
    ).annotate(mapping_count=Count("mappings"))


def mapping_set_get(urn: str) -> MappingSet:
    return get_object_or_404(mapping_set_list(), urn=urn)


def checklist_set_list():
    return ChecklistSet.objects.order_by("series", "-is_active", "-version")


def checklist_list(*, active_only=True):
    queryset = Checklist.objects.select_related("checklist_set").prefetch_related(
        Prefetch("points", queryset=ChecklistPoint.objects.order_by("order"))
    )
    if active_only:
        queryset = queryset.filter(checklist_set__is_active=True)
    return queryset.order_by("checklist_set__series", "order")


def checklist_get(key: str) -> Checklist:
    """The checklist with this key in an active checklist set (the most recently loaded one if
    several active sets have it). `checklist.points.all()` is already fetched, in order."""
    checklist = (
        checklist_list().filter(key=key).order_by("-checklist_set__loaded_at", "order").first()
    )
    if checklist is None:
        raise Http404(f"No active checklist {key!r}")
    return checklist


def known_libraries(urns) -> dict[str, KnownLibrary]:
    """Libraries already loaded, for validating mapping files against them."""
    if "standards_requirementnode" not in connection.introspection.table_names():
        return {}
    known = {
        urn: KnownLibrary(urn=urn, assessable={})
        for urn in Library.objects.filter(urn__in=list(urns)).values_list("urn", flat=True)
    }
    rows = RequirementNode.objects.filter(library__urn__in=list(known)).values_list(
        "library__urn", "urn", "assessable"
    )
    for library_urn, urn, assessable in rows:
        known[library_urn].assessable[urn] = assessable
    return known
