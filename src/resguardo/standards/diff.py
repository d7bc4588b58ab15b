"""Compare two versions of a library: nodes added, removed and changed, matched by ref_id."""

from dataclasses import dataclass, field

from .models import Library, RequirementNode

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
}


@dataclass
class NodeChange:
    old: RequirementNode
    new: RequirementNode
    fields: list[str]


@dataclass
class LibraryDiff:
    old: Library
    new: Library
    added: list[RequirementNode] = field(default_factory=list)
    removed: list[RequirementNode] = field(default_factory=list)
    changed: list[NodeChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


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
    return result
