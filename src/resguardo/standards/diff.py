"""Compare two versions of a library: nodes added, removed and changed, matched by ref_id,
and the crosswalk mappings from or to them added, removed and changed."""

from dataclasses import dataclass, field

from django.db.models import Q

from .models import Library, Mapping, RequirementNode

# field label -> model attributes compared (bilingual texts compare both languages)
COMPARED_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title_es", "title_en"),
    "description": ("description_es", "description_en"),
    "notes": ("notes",),
    "evidence": ("evidence",),
    "level": ("level",),
    "weight": ("weight",),
    "applies_if": ("applies_if",),
    "indicators": ("indicators",),
    "assessable": ("assessable",),
    "verified": ("verified",),
    "numbering": ("resguardo_numbering",),
}


@dataclass
class NodeChange:
    old: RequirementNode
    new: RequirementNode
    fields: list[str]


# mapping attribute -> label of what changed
COMPARED_MAPPING_FIELDS: dict[str, tuple[str, ...]] = {
    "relationship": ("relationship",),
    "strength": ("strength",),
    "rationale": ("rationale_es", "rationale_en"),
}


@dataclass
class MappingChange:
    """A crosswalk link of the compared library, seen from its side: `own` is the library's
    requirement, `other` the requirement of the other framework. `old` is None for a link
    added, `new` None for a link removed."""

    old: Mapping | None
    new: Mapping | None
    outgoing: bool  # the compared library is the mapping's source
    fields: list[str] = field(default_factory=list)

    @property
    def mapping(self) -> Mapping:
        return self.new or self.old

    @property
    def own(self) -> RequirementNode:
        return self.mapping.source if self.outgoing else self.mapping.target

    @property
    def other(self) -> RequirementNode:
        return self.mapping.target if self.outgoing else self.mapping.source


@dataclass
class LibraryDiff:
    old: Library
    new: Library
    added: list[RequirementNode] = field(default_factory=list)
    removed: list[RequirementNode] = field(default_factory=list)
    changed: list[NodeChange] = field(default_factory=list)
    unchanged: int = 0
    mappings_added: list[MappingChange] = field(default_factory=list)
    mappings_removed: list[MappingChange] = field(default_factory=list)
    mappings_changed: list[MappingChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def mappings_differ(self) -> bool:
        return bool(self.mappings_added or self.mappings_removed or self.mappings_changed)


def _nodes(library: Library) -> list[RequirementNode]:
    return list(RequirementNode.objects.filter(library=library).order_by("order"))


def _changed_fields(old, new, old_parent_ref, new_parent_ref) -> list[str]:
    changed = [
        label
        for label, attributes in COMPARED_FIELDS.items()
        if any(getattr(old, a) != getattr(new, a) for a in attributes)
    ]
    if old_parent_ref != new_parent_ref:
        changed.append("parent")
    return changed


def library_diff(old: Library, new: Library) -> LibraryDiff:
    """Added, removed and changed nodes from `old` to `new` (two queries)."""
    old_nodes, new_nodes = _nodes(old), _nodes(new)
    old_refs = {n.pk: n.ref_id for n in old_nodes}
    new_refs = {n.pk: n.ref_id for n in new_nodes}
    old_by_ref = {n.ref_id: n for n in old_nodes}
    new_by_ref = {n.ref_id: n for n in new_nodes}
    result = LibraryDiff(old=old, new=new)
    for node in new_nodes:
        before = old_by_ref.get(node.ref_id)
        if before is None:
            result.added.append(node)
            continue
        fields = _changed_fields(
            before, node, old_refs.get(before.parent_id), new_refs.get(node.parent_id)
        )
        if fields:
            result.changed.append(NodeChange(old=before, new=node, fields=fields))
        else:
            result.unchanged += 1
    result.removed = [n for n in old_nodes if n.ref_id not in new_by_ref]
    _mapping_diff(result)
    return result


def _links(library: Library) -> dict[tuple, tuple[Mapping, bool]]:
    """The library's mappings keyed by what stays the same across versions: direction, the
    other framework, and the two reference ids (one query)."""
    rows = (
        Mapping.objects.filter(Q(source__library=library) | Q(target__library=library))
        .select_related("source__library__framework", "target__library__framework")
        .order_by("mapping_set_id", "order")
    )
    links = {}
    for mapping in rows:
        outgoing = mapping.source.library_id == library.pk
        own, other = (
            (mapping.source, mapping.target) if outgoing else (mapping.target, mapping.source)
        )
        key = (outgoing, other.library.framework.key, own.ref_id, other.ref_id)
        links[key] = (mapping, outgoing)
    return links


def _mapping_diff(result: LibraryDiff) -> None:
    old_links, new_links = _links(result.old), _links(result.new)
    for key, (mapping, outgoing) in new_links.items():
        before = old_links.get(key)
        if before is None:
            result.mappings_added.append(MappingChange(None, mapping, outgoing))
            continue
        fields = [
            label
            for label, attributes in COMPARED_MAPPING_FIELDS.items()
            if any(getattr(before[0], a) != getattr(mapping, a) for a in attributes)
        ]
        if fields:
            result.mappings_changed.append(MappingChange(before[0], mapping, outgoing, fields))
    result.mappings_removed = [
        MappingChange(mapping, None, outgoing)
        for key, (mapping, outgoing) in old_links.items()
        if key not in new_links
    ]
