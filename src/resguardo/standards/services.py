"""Writes of the standards catalog: loading library files, all or nothing.

`libraries_load` validates every file first, then loads everything in one transaction. A file
already loaded with the same content is left alone (idempotent). A file whose URN is loaded with
different content is refused: a changed library needs a new version (new `version` and URN),
which is loaded beside the old one and becomes the active version; the old one is kept.
"""

import datetime
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from . import selectors
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
from .schema import ChecklistSetFile, FrameworkFile, MappingSetFile
from .search import node_search_text
from .validation import ParsedFile, Problem, validate_files

LIBRARIES_DIR = Path(__file__).resolve().parent / "libraries"
logger = logging.getLogger(__name__)


class LibraryLoadError(Exception):
    """Nothing was loaded; `problems` says why, file by file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class LoadOutcome:
    file: str
    kind: str
    urn: str
    created: bool


def library_files(directory: Path | str | None = None) -> list[Path]:
    folder = Path(directory) if directory else LIBRARIES_DIR
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def libraries_load(*, directory=None, paths=None) -> list[LoadOutcome]:
    """Validate and load library files (default: every file of `libraries/`)."""
    paths = list(paths) if paths else library_files(directory)
    if not paths:
        where = str(directory or LIBRARIES_DIR)
        raise LibraryLoadError([Problem(where, "", "no library files (*.yaml) found")])
    report = validate_files(paths, loaded_libraries=selectors.known_libraries)
    if not report.ok:
        raise LibraryLoadError(report.problems)
    with transaction.atomic():
        return _load_valid(report.files)


def _load_valid(files: list[ParsedFile]) -> list[LoadOutcome]:
    models = {
        "framework": Library,
        "mapping_set": MappingSet,
        "checklist_set": ChecklistSet,
    }
    stored = {
        kind: dict(
            model.objects.filter(
                urn__in=[f.model.urn for f in files if f.kind == kind]
            ).values_list("urn", "content_sha256")
        )
        for kind, model in models.items()
    }
    problems, new_files, outcomes = [], [], []
    for parsed in files:
        old_hash = stored[parsed.kind].get(parsed.model.urn)
        if old_hash is None:
            new_files.append(parsed)
        elif old_hash == parsed.sha256:
            outcomes.append(LoadOutcome(parsed.name, parsed.kind, parsed.model.urn, False))
        else:
            problems.append(_changed_problem(parsed))
    if problems:
        raise LibraryLoadError(problems)

    now = timezone.now()
    frameworks_touched = set()
    for parsed in new_files:
        if isinstance(parsed.model, FrameworkFile):
            frameworks_touched.add(_library_create(parsed, now).framework_id)
    for parsed in new_files:
        if isinstance(parsed.model, MappingSetFile):
            _mapping_set_create(parsed, now)
    series_touched = set()
    for parsed in new_files:
        if isinstance(parsed.model, ChecklistSetFile):
            series_touched.add(_checklist_set_create(parsed, now).series)
    _activate_newest_libraries(frameworks_touched)
    _activate_newest_checklist_sets(series_touched)
    outcomes.extend(LoadOutcome(f.name, f.kind, f.model.urn, True) for f in new_files)
    return outcomes


def _changed_problem(parsed: ParsedFile) -> Problem:
    what = {
        "framework": "a changed library needs a new version: give the file a new `version` "
        "and `urn` (and new node URNs) and load it beside the old one",
        "mapping_set": "a changed mapping set needs a new URN",
        "checklist_set": "a changed checklist set needs a new version in its URN",
    }[parsed.kind]
    return Problem(
        parsed.name,
        "urn",
        f"{parsed.model.urn} is already loaded with different content; {what}",
        parsed.line_of(("urn",)),
    )


def _es(text) -> str:
    return text.es if text else ""


def _en(text) -> str:
    return text.en if text else ""


def _library_create(parsed: ParsedFile, now) -> Library:
    lib: FrameworkFile = parsed.model
    framework, _created = Framework.objects.get_or_create(
        key=lib.framework,
        defaults={
            "name_es": lib.name.es,
            "name_en": lib.name.en,
            "short_name_es": _es(lib.short_name),
            "short_name_en": _en(lib.short_name),
        },
    )
    library = Library.objects.create(
        framework=framework,
        urn=lib.urn,
        version=lib.version,
        name_es=lib.name.es,
        name_en=lib.name.en,
        short_name_es=_es(lib.short_name),
        short_name_en=_en(lib.short_name),
        description_es=_es(lib.description),
        description_en=_en(lib.description),
        publisher_es=_es(lib.publisher),
        publisher_en=_en(lib.publisher),
        source=lib.source or "",
        effective_date=lib.effective_date,
        applicability_flags=[flag.model_dump(mode="json") for flag in lib.applicability_flags],
        content_sha256=parsed.sha256,
        loaded_at=now,
        is_active=False,
    )
    _nodes_create(library, lib)
    return library


def _nodes_create(library: Library, lib: FrameworkFile) -> None:
    """Bulk-create the tree one depth level at a time, so each level knows its parents' ids."""
    parents_with_children = {node.parent for node in lib.nodes if node.parent}
    depth: dict[str, int] = {}
    levels: dict[int, list[tuple[RequirementNode, str | None]]] = {}
    for order, node in enumerate(lib.nodes):
        depth[node.urn] = depth[node.parent] + 1 if node.parent else 0
        assessable = node.assessable
        if assessable is None:
            assessable = node.urn not in parents_with_children
        row = RequirementNode(
            library=library,
            urn=node.urn,
            ref_id=node.ref_id,
            order=order,
            depth=depth[node.urn],
            title_es=node.title.es,
            title_en=node.title.en,
            description_es=_es(node.description),
            description_en=_en(node.description),
            notes=[note.model_dump() for note in node.notes],
            evidence=[item.model_dump() for item in node.evidence],
            level=node.level.value if node.level else None,
            weight=node.weight,
            applies_if=list(node.applies_if),
            indicators=list(node.indicators),
            assessable=assessable,
            verified=node.verified,
            resguardo_numbering=node.resguardo_numbering,
            search_text=node_search_text(
                ref_id=node.ref_id,
                title=node.title.model_dump(),
                description=node.description.model_dump() if node.description else None,
                notes=[note.model_dump() for note in node.notes],
            ),
        )
        levels.setdefault(depth[node.urn], []).append((row, node.parent))
    ids: dict[str, int] = {}
    for level in sorted(levels):
        rows = []
        for row, parent_urn in levels[level]:
            row.parent_id = ids[parent_urn] if parent_urn else None
            rows.append(row)
        RequirementNode.objects.bulk_create(rows, batch_size=500)
        ids.update((row.urn, row.pk) for row in rows)


def _mapping_set_create(parsed: ParsedFile, now) -> MappingSet:
    mapset: MappingSetFile = parsed.model
    libraries = Library.objects.in_bulk(
        [mapset.source_library, mapset.target_library], field_name="urn"
    )
    node_ids = dict(
        RequirementNode.objects.filter(
            library__urn__in=[mapset.source_library, mapset.target_library]
        ).values_list("urn", "pk")
    )
    mapping_set = MappingSet.objects.create(
        urn=mapset.urn,
        source_library=libraries[mapset.source_library],
        target_library=libraries[mapset.target_library],
        name_es=mapset.name.es,
        name_en=mapset.name.en,
        description_es=_es(mapset.description),
        description_en=_en(mapset.description),
        content_sha256=parsed.sha256,
        loaded_at=now,
    )
    Mapping.objects.bulk_create(
        [
            Mapping(
                mapping_set=mapping_set,
                source_id=node_ids[entry.source],
                target_id=node_ids[entry.target],
                relationship=entry.relationship.value,
                strength=entry.strength,
                rationale_es=entry.rationale.es,
                rationale_en=entry.rationale.en,
                order=order,
            )
            for order, entry in enumerate(mapset.mappings)
        ],
        batch_size=500,
    )
    return mapping_set


def _checklist_set_create(parsed: ParsedFile, now) -> ChecklistSet:
    data: ChecklistSetFile = parsed.model
    series, _sep, version = data.urn.rpartition(":")
    checklist_set = ChecklistSet.objects.create(
        urn=data.urn,
        series=series,
        version=version,
        name_es=data.name.es,
        name_en=data.name.en,
        source=data.source or "",
        content_sha256=parsed.sha256,
        loaded_at=now,
        is_active=False,
    )
    checklists = Checklist.objects.bulk_create(
        [
            Checklist(
                checklist_set=checklist_set,
                key=entry.key,
                name_es=entry.name.es,
                name_en=entry.name.en,
                description_es=_es(entry.description),
                description_en=_en(entry.description),
                order=order,
            )
            for order, entry in enumerate(data.checklists)
        ]
    )
    ChecklistPoint.objects.bulk_create(
        [
            ChecklistPoint(
                checklist=checklist,
                code=point.code,
                title_es=point.title.es,
                title_en=point.title.en,
                guidance_es=_es(point.guidance),
                guidance_en=_en(point.guidance),
                order=order,
            )
            for checklist, entry in zip(checklists, data.checklists, strict=True)
            for order, point in enumerate(entry.points)
        ],
        batch_size=500,
    )
    return checklist_set


def version_key(version: str) -> tuple:
    """Natural order of version strings: "2019" < "2023", "1.9" < "1.10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.findall(r"\d+|[^\d.\-_]+", version)
    )


def _newest_library_key(library: Library) -> tuple:
    return (
        library.effective_date or datetime.date.min,
        version_key(library.version),
        library.loaded_at,
    )


def _activate_newest_libraries(framework_ids) -> None:
    """The newest version of each framework (by effective date, then version) is active."""
    for framework_id in framework_ids:
        versions = list(Library.objects.filter(framework_id=framework_id))
        newest = max(versions, key=_newest_library_key)
        Library.objects.filter(framework_id=framework_id, is_active=True).exclude(
            pk=newest.pk
        ).update(is_active=False)
        Library.objects.filter(pk=newest.pk).update(is_active=True)
        Framework.objects.filter(pk=framework_id).update(
            name_es=newest.name_es,
            name_en=newest.name_en,
            short_name_es=newest.short_name_es,
            short_name_en=newest.short_name_en,
        )


def _activate_newest_checklist_sets(series_names) -> None:
    for series in series_names:
        versions = list(ChecklistSet.objects.filter(series=series))
        newest = max(versions, key=lambda s: (version_key(s.version), s.loaded_at))
        ChecklistSet.objects.filter(series=series, is_active=True).exclude(pk=newest.pk).update(
            is_active=False
        )
        ChecklistSet.objects.filter(pk=newest.pk).update(is_active=True)


def shipped_libraries_refresh(*, using="default", **_signal) -> list[LoadOutcome]:
    """After `migrate`: load the library versions shipped with this release into an
    installation that already has a catalog, so an upgrade brings the new versions (loaded
    beside the old ones, which stay with the assessments made under them).

    An empty catalog (a new installation, a test database) is left alone: loading is then an
    explicit step (`resguardo standards load`, `resguardo demo`). A file that does not load is
    reported and skipped, never a reason for `migrate` to fail."""
    if using != "default" or not Library.objects.using(using).exists():
        return []
    try:
        return libraries_load()
    except LibraryLoadError as error:
        logger.warning("shipped standards libraries not loaded after migrate: %s", error)
        return []
