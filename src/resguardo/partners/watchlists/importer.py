"""Importing a published list file as a new version: all or nothing.

The file is read and checked before anything is written. A refused file leaves the current
version in place and is recorded as a failed attempt, with the reason, for the list page.
An accepted file becomes the current version in one transaction, and every organization's
partners are re-screened once it commits.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from resguardo.core.files import atomic_with_files, track_stored_file
from resguardo.core.writes import create_audited

from ..choices import WatchlistSource
from ..models import ListEntry, ListEntryName, ListImportAttempt, ListVersion
from . import sources
from .normalize import normalize_name

logger = logging.getLogger(__name__)
BATCH_SIZE = 2000
# A new version with fewer than this share of the current version's entries is taken for a
# file cut short (an interrupted download, a partial copy) and refused unless asked for.
MIN_SHARE_OF_CURRENT = 0.5


@dataclass(frozen=True)
class ImportResult:
    version: ListVersion
    created: bool  # False: the same file as the current version, nothing changed

    @property
    def message(self) -> str:
        if not self.created:
            return _("%(list)s: the file is the same as the current version; nothing changed.") % {
                "list": self.version.get_source_display()
            }
        return _("%(list)s: version imported with %(entries)s entries and %(aliases)s aliases.") % {
            "list": self.version.get_source_display(),
            "entries": self.version.entry_count,
            "aliases": self.version.alias_count,
        }


def file_hash(content: bytes, alias_content: bytes | None) -> str:
    digest = hashlib.sha256(content)
    if alias_content:
        digest.update(b"\x00")
        digest.update(alias_content)
    return digest.hexdigest()


def record_attempt(*, source, succeeded, message, origin="", version=None, actor=None):
    return ListImportAttempt.objects.create(
        source=source,
        succeeded=succeeded,
        message=str(message)[:2000],
        origin=origin[:500],
        version=version,
        actor=actor if getattr(actor, "pk", None) else None,
    )


def _refuse(*, source, origin, actor, error: ValidationError):
    record_attempt(
        source=source, succeeded=False, message=" ".join(error.messages), origin=origin, actor=actor
    )
    raise error


def list_version_import(
    *,
    source: str,
    content: bytes,
    file_name: str,
    alias_content: bytes | None = None,
    origin: str = "",
    actor=None,
    published_on=None,
    allow_shrink: bool = False,
) -> ImportResult:
    """Import a published file as the new current version. `allow_shrink` accepts a file with
    far fewer entries than the current version (a list that really shrank)."""
    if source not in sources.SOURCES:
        raise ValidationError({"source": _("Unknown list.")}, code="source")
    sha256 = file_hash(content, alias_content)
    existing = ListVersion.objects.filter(source=source, sha256=sha256).first()
    if existing is not None:
        if existing.is_current:
            record_attempt(
                source=source,
                succeeded=True,
                message=_("Same file as the current version; nothing changed."),
                origin=origin,
                version=existing,
                actor=actor,
            )
            return ImportResult(existing, created=False)
        _refuse(
            source=source,
            origin=origin,
            actor=actor,
            error=ValidationError(
                _(
                    "This file is the same as an older version imported on %(date)s, which a "
                    "newer one replaced. Import a newer file."
                )
                % {"date": formats.date_format(existing.imported_at, "SHORT_DATE_FORMAT")},
                code="old_version",
            ),
        )
    try:
        parsed = sources.parse(source, content, alias_content)
        if not allow_shrink:
            _check_not_cut_short(source, parsed)
    except ValidationError as error:
        _refuse(source=source, origin=origin, actor=actor, error=error)
    version = _save_version(
        source=source,
        parsed=parsed,
        content=content,
        file_name=file_name,
        sha256=sha256,
        origin=origin,
        actor=actor,
        published_on=parsed.published_on or published_on,
    )
    return ImportResult(version, created=True)


def _check_not_cut_short(source: str, parsed) -> None:
    current = ListVersion.objects.filter(source=source, is_current=True).first()
    if current is None or len(parsed.entries) >= current.entry_count * MIN_SHARE_OF_CURRENT:
        return
    raise ValidationError(
        _(
            "The new %(list)s file has %(new)s entries, less than half of the %(current)s "
            "entries of the current version: it may have been cut short (an interrupted "
            "download). It was refused and the current version stays in use. If the list "
            "really shrank, import it with “resguardo lists import --allow-shrink”."
        )
        % {
            "list": WatchlistSource(source).label,
            "new": len(parsed.entries),
            "current": current.entry_count,
        },
        code="shrunk",
    )


@atomic_with_files
def _save_version(*, source, parsed, content, file_name, sha256, origin, actor, published_on):
    ListVersion.objects.select_for_update().filter(source=source, is_current=True).update(
        is_current=False
    )
    version = ListVersion(
        source=source,
        published_on=published_on,
        imported_at=timezone.now(),
        sha256=sha256,
        file_name=file_name[:255],
        origin=origin[:500],
        imported_by=actor if getattr(actor, "pk", None) else None,
        entry_count=len(parsed.entries),
        alias_count=parsed.alias_count,
        skipped_rows=parsed.skipped[:200],
        is_current=True,
    )
    version.file.save(file_name or f"{source}.csv", ContentFile(content), save=False)
    track_stored_file(version.file.storage, version.file.name)
    create_audited(
        actor=actor if getattr(actor, "pk", None) else None, organization=None, instance=version
    )
    _save_entries(version, parsed.entries)
    record_attempt(
        source=source,
        succeeded=True,
        message=_("Imported %(entries)s entries.") % {"entries": version.entry_count},
        origin=origin,
        version=version,
        actor=actor,
    )
    from ..tasks import rescreen_after_list_update

    transaction.on_commit(lambda: rescreen_after_list_update.enqueue(version_id=version.pk))
    return version


def _save_entries(version: ListVersion, parsed_entries) -> None:
    for start in range(0, len(parsed_entries), BATCH_SIZE):
        chunk = parsed_entries[start : start + BATCH_SIZE]
        rows = ListEntry.objects.bulk_create(
            [
                ListEntry(
                    version=version,
                    source=version.source,
                    entry_key=e.entry_key[:200],
                    name=e.name[:500],
                    normalized=normalize_name(e.name)[:500],
                    rfcs=" ".join(e.rfcs)[:200],
                    entity_type=e.entity_type,
                    status=e.status[:200],
                    is_adverse=e.is_adverse,
                    details=e.details,
                )
                for e in chunk
            ]
        )
        aliases = [
            ListEntryName(
                entry=row,
                version=version,
                kind=kind,
                name=alias[:500],
                normalized=normalize_name(alias)[:500],
            )
            for row, parsed in zip(rows, chunk, strict=True)
            for kind, alias in parsed.aliases
        ]
        if aliases:
            ListEntryName.objects.bulk_create(aliases, batch_size=BATCH_SIZE)


def source_label(source: str) -> str:
    return WatchlistSource(source).label
