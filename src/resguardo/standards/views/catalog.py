"""Catalog pages: home, the tree browser with search and filters, a requirement's page."""

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from resguardo.core.indicators import get_indicator
from resguardo.core.selectors import FACT_FLAGS, organization_facts
from resguardo.core.views.mixins import OrganizationRequiredMixin

from .. import selectors
from ..choices import INVERSE_RELATIONSHIP, Relationship
from ..filtersets import BrowseFilterSet
from ..models import Library, RequirementNode

# How a requirement relates to another one, read from the requirement's own side.
RELATIONSHIP_PHRASES = {
    Relationship.EQUAL: _("asks for the same as"),
    Relationship.SUPERSET: _("asks for more than (covers all of)"),
    Relationship.SUBSET: _("covers part of"),
    Relationship.INTERSECT: _("overlaps with"),
}


# What a framework is for in this application, shown above its tree.
PURPOSE_NOTES = {
    "ctpat-msc": _(
        "A Mexican customs agent cannot join C-TPAT as a broker: that takes a licensed U.S. "
        "customs broker with an office in the United States. The agency is recognised through "
        "its NEEC/OEA certification and the Mexico–U.S. mutual recognition arrangement. C-TPAT "
        "is here to show U.S. business partners and importers the agency's controls that are "
        "equivalent to C-TPAT, and to answer their security questionnaires."
    ),
}
# Why a requirement is out of scope, by the flag the organization lacks.
NOT_APPLICABLE_BECAUSE = {
    "handles_cargo": _("Not applicable: the agency handles no cargo"),
}


def out_of_scope_reason(node, absent_flags) -> str:
    """Why the requirement does not apply to the organization, or "" when it may apply."""
    for flag in node.applies_if:
        if flag in absent_flags:
            return str(NOT_APPLICABLE_BECAUSE.get(flag, ""))
    return ""


@dataclass
class NodeLink:
    """A mapping seen from one requirement: the other requirement and the relationship."""

    other: RequirementNode
    relationship: str
    mapping: object

    @property
    def phrase(self):
        return RELATIONSHIP_PHRASES[self.relationship]

    @property
    def relationship_label(self):
        return Relationship(self.relationship).label


def node_links(mappings, library_ids) -> dict[int, list[NodeLink]]:
    """For each node of these libraries, the mappings from or to it, from its own side."""
    links: dict[int, list[NodeLink]] = defaultdict(list)
    for mapping in mappings:
        if mapping.source.library_id in library_ids:
            links[mapping.source_id].append(NodeLink(mapping.target, mapping.relationship, mapping))
        if mapping.target.library_id in library_ids:
            links[mapping.target_id].append(
                NodeLink(mapping.source, INVERSE_RELATIONSHIP[mapping.relationship], mapping)
            )
    for items in links.values():
        items.sort(key=lambda link: (link.other.library.framework.key, link.other.order))
    return links


class CatalogHomeView(OrganizationRequiredMixin, TemplateView):
    template_name = "standards/home.html"

    def get_context_data(self, **kwargs):
        by_framework = defaultdict(list)
        for library in selectors.library_list():
            by_framework[library.framework].append(library)
        return super().get_context_data(
            frameworks=list(by_framework.items()),
            mapping_sets=list(selectors.mapping_set_list()),
            checklist_sets=list(selectors.checklist_set_list()),
            **kwargs,
        )


class BrowseView(OrganizationRequiredMixin, TemplateView):
    """The tree of one or more library versions, filtered by search, level and verified.

    A constant number of queries whatever the size of the tree: libraries, nodes, matching
    nodes, mappings (both directions), and the filter form's choices."""

    template_name = "standards/browse.html"
    partial_template_name = "standards/partials/_tree.html"

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.partial_template_name]
        return [self.template_name]

    def _libraries(self, data) -> list[Library]:
        queryset = Library.objects.select_related("framework").order_by("framework__key")
        if data.get("library"):
            return [data["library"]]
        if data.get("framework"):
            return list(queryset.filter(framework=data["framework"], is_active=True))
        return list(queryset.filter(is_active=True))

    def get_context_data(self, **kwargs):
        filterset = BrowseFilterSet(
            self.request.GET or None, queryset=selectors.node_list(), request=self.request
        )
        valid = filterset.is_bound and filterset.form.is_valid()
        data = filterset.form.cleaned_data if valid else {}
        libraries = self._libraries(data)
        library_ids = {library.pk for library in libraries}
        nodes = list(
            RequirementNode.objects.filter(library_id__in=library_ids).order_by(
                "library_id", "order"
            )
        )
        filtering = valid and filterset.narrows_nodes()
        matches = (
            set(filterset.qs.filter(library_id__in=library_ids).values_list("pk", flat=True))
            if filtering
            else None
        )
        links = node_links(selectors.mappings_for_libraries(library_ids), library_ids)
        sections = self._sections(libraries, nodes, links, matches)
        query = self.request.GET.copy()
        query.pop("expand", None)
        return super().get_context_data(
            filterset=filterset,
            sections=sections,
            expand=self.request.GET.get("expand") == "1",
            query_string=query.urlencode(),
            filtering=filtering,
            match_count=len(matches) if matches is not None else None,
            **kwargs,
        )

    def _sections(self, libraries, nodes, links, matches):
        by_library = defaultdict(list)
        for node in nodes:
            node.links = links.get(node.pk, [])
            node.is_match = matches is not None and node.pk in matches
            by_library[node.library_id].append(node)
        sections = []
        absent = frozenset()
        if FACT_FLAGS & {flag["key"] for lib in libraries for flag in lib.applicability_flags}:
            absent = FACT_FLAGS - organization_facts(self.request.organization)
        url_of = _requirement_url_maker()
        for links_of_node in links.values():
            for link in links_of_node:
                link.other.url = url_of(link.other.urn)
        for library in libraries:
            library_nodes = by_library.get(library.pk, [])
            flag_labels = {flag["key"]: flag["label"] for flag in library.flags}
            for node in library_nodes:
                node.library = library  # already fetched: no query per node
                node.url = url_of(node.urn)
                node.flag_labels = [
                    flag_labels.get(key, key) for key in node.applies_if if key not in absent
                ]
                node.not_applicable = out_of_scope_reason(node, absent)
            roots = selectors.node_tree(library, nodes=library_nodes)
            if matches is not None:
                roots = _prune(roots)
            sections.append(
                {
                    "library": library,
                    "rows": _flatten(roots),
                    "purpose": PURPOSE_NOTES.get(library.framework.key, ""),
                    "not_applicable": sum(1 for n in library_nodes if n.not_applicable),
                }
            )
        return sections


def _requirement_url_maker():
    """URLs of requirement pages without one `reverse` per node (URNs need no quoting)."""
    placeholder = "urn:x"
    pattern = reverse("standards:requirement", args=[placeholder])
    prefix, suffix = pattern.split(placeholder)
    return lambda urn: f"{prefix}{urn}{suffix}"


def _flatten(roots: list[RequirementNode]) -> list[RequirementNode]:
    """The tree in display order; `node.closing` counts the open branches to close after it,
    so the template renders nested lists in one loop, without recursive includes."""
    rows: list[RequirementNode] = []

    def walk(nodes):
        for node in nodes:
            node.closing = []
            rows.append(node)
            if node.subnodes:
                walk(node.subnodes)
                rows[-1].closing.append(node.pk)

    walk(roots)
    return rows


def _prune(roots: list[RequirementNode]) -> list[RequirementNode]:
    """Keep matching nodes and the nodes above them."""
    kept = []
    for node in roots:
        node.subnodes = _prune(node.subnodes)
        if node.is_match or node.subnodes:
            kept.append(node)
    return kept


class RequirementDetailView(OrganizationRequiredMixin, TemplateView):
    template_name = "standards/requirement_detail.html"

    def _absent_flags(self, node) -> frozenset:
        """Flags the organization's own data rules out, when the node depends on one."""
        if not FACT_FLAGS & set(node.applies_if):
            return frozenset()
        return FACT_FLAGS - organization_facts(self.request.organization)

    def get_context_data(self, **kwargs):
        node = selectors.node_get(self.kwargs["urn"])
        links = node_links(selectors.mappings_for_node(node), {node.library_id})[node.pk]
        groups = defaultdict(list)
        for link in links:
            groups[link.other.library].append(link)
        flags = {flag["key"]: flag for flag in node.library.flags}
        return super().get_context_data(
            node=node,
            library=node.library,
            ancestors=selectors.node_ancestors(node),
            children=list(node.children.order_by("order")),
            mapping_groups=list(groups.items()),
            applicability=[flags.get(key, {"key": key, "label": key}) for key in node.applies_if],
            not_applicable=out_of_scope_reason(node, self._absent_flags(node)),
            purpose=PURPOSE_NOTES.get(node.library.framework.key, ""),
            indicators=[(key, get_indicator(key)) for key in node.indicators],
            other_versions=list(
                RequirementNode.objects.filter(
                    library__framework_id=node.library.framework_id, ref_id=node.ref_id
                )
                .exclude(pk=node.pk)
                .select_related("library")
            ),
            **kwargs,
        )
