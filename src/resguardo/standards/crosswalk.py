"""The crosswalk matrix: a mapping set summed up as a heat grid.

Rows are the source library's groups (NEEC standards), columns the target's groups at their
finest grouping level (C-TPAT categories, SAFE AEO requirements A-M, ISO 28000 clauses). A cell
counts the mappings between requirements under that row and that column; its colour follows
the sum of their strengths.
"""

from dataclasses import dataclass, field

from .choices import FULL_RELATIONSHIPS
from .models import Mapping, MappingSet, RequirementNode

# (lowest total strength, heat level); the legend shows the same ranges
HEAT_STEPS = ((15, 4), (8, 3), (4, 2), (1, 1), (0, 0))


def heat_level(strength_sum: int) -> int:
    return next(level for lowest, level in HEAT_STEPS if strength_sum >= lowest)


def heat_legend() -> list[dict]:
    legend, upper = [], None
    for lowest, level in HEAT_STEPS:
        legend.append({"level": level, "lowest": lowest, "highest": upper})
        upper = lowest - 1
    return list(reversed(legend))


@dataclass
class Cell:
    row: RequirementNode
    column: RequirementNode
    mappings: list[Mapping] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mappings)

    @property
    def strength_sum(self) -> int:
        return sum(m.strength for m in self.mappings)

    @property
    def strongest(self) -> int:
        return max((m.strength for m in self.mappings), default=0)

    @property
    def full_count(self) -> int:
        return sum(1 for m in self.mappings if m.relationship in FULL_RELATIONSHIPS)

    @property
    def heat(self) -> int:
        return heat_level(self.strength_sum)


@dataclass
class Matrix:
    mapping_set: MappingSet
    rows: list[RequirementNode]
    columns: list[RequirementNode]
    column_groups: list[tuple[RequirementNode | None, int]]  # (group, number of columns)
    grid: list[list[Cell]]

    @property
    def body(self) -> list[dict]:
        """Rows for display: the row's node, its cells and its total number of mappings."""
        return [
            {"head": head, "cells": cells, "total": sum(cell.count for cell in cells)}
            for head, cells in zip(self.rows, self.grid, strict=True)
        ]

    @property
    def total(self) -> int:
        return sum(cell.count for row in self.grid for cell in row)

    @property
    def column_totals(self) -> list[int]:
        return [sum(row[i].count for row in self.grid) for i in range(len(self.columns))]

    def cell(self, row_urn: str, column_urn: str) -> Cell | None:
        for row in self.grid:
            for cell in row:
                if cell.row.urn == row_urn and cell.column.urn == column_urn:
                    return cell
        return None


def grouping_depth(nodes: list[RequirementNode]) -> int:
    """The deepest level holding groups (non-assessable nodes); 0 when there are none."""
    return max((n.depth for n in nodes if not n.assessable), default=0)


def _ancestor_at(node: RequirementNode, depth: int, by_id: dict) -> RequirementNode:
    while node.depth > depth and node.parent_id in by_id:
        node = by_id[node.parent_id]
    return node


def crosswalk_matrix(
    mapping_set: MappingSet,
    source_nodes: list[RequirementNode],
    target_nodes: list[RequirementNode],
    mappings: list[Mapping],
) -> Matrix:
    """Build the grid from nodes and mappings already fetched (no queries)."""
    source_by_id = {n.pk: n for n in source_nodes}
    target_by_id = {n.pk: n for n in target_nodes}
    row_depth, column_depth = grouping_depth(source_nodes), grouping_depth(target_nodes)
    rows = _band(source_nodes, row_depth)
    mapped_targets = [target_by_id[m.target_id] for m in mappings if m.target_id in target_by_id]
    used_tops = {_ancestor_at(n, 0, target_by_id).pk for n in mapped_targets}
    columns = [
        n
        for n in _band(target_nodes, column_depth)
        if _ancestor_at(n, 0, target_by_id).pk in used_tops
    ]
    row_index = {n.pk: i for i, n in enumerate(rows)}
    column_index = {n.pk: i for i, n in enumerate(columns)}
    grid = [[Cell(row=r, column=c) for c in columns] for r in rows]
    for mapping in mappings:
        source, target = source_by_id.get(mapping.source_id), target_by_id.get(mapping.target_id)
        if source is None or target is None:
            continue
        r = row_index.get(_ancestor_at(source, row_depth, source_by_id).pk)
        c = column_index.get(_ancestor_at(target, column_depth, target_by_id).pk)
        if r is not None and c is not None:
            grid[r][c].mappings.append(mapping)
    groups: list[tuple[RequirementNode | None, int]] = []
    if column_depth > 0:
        for column in columns:
            top = _ancestor_at(column, 0, target_by_id)
            if groups and groups[-1][0] is top:
                groups[-1] = (top, groups[-1][1] + 1)
            else:
                groups.append((top, 1))
    return Matrix(mapping_set, rows, columns, groups, grid)


def _band(nodes: list[RequirementNode], depth: int) -> list[RequirementNode]:
    """Nodes at `depth`, plus shallower leaves (a branch that stops above that level)."""
    parents = {n.parent_id for n in nodes}
    return [n for n in nodes if n.depth == depth or (n.depth < depth and n.pk not in parents)]
