"""Staged imports: the file checked in a dry run waits in storage for its owner's confirmation.

`staged_import_create` stores the upload inside `atomic_with_files`: if the call (or the block
that encloses it, such as the dry run that follows) fails, the stored file is deleted with the
row. The confirmation finds the staged file of the same organization, user and kind, checks
its SHA-256 and reads it back from storage. Expired staged files are removed as new ones come.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from ..files import atomic_with_files, track_stored_file
from ..models import StagedImport
from .reading import MB


class StagedFileChanged(ValidationError):
    """The stored file no longer matches what was checked."""


def _expired(now=None):
    return StagedImport.objects.filter(expires_at__lte=now or timezone.now())


def _delete(staged_imports) -> None:
    for staged in staged_imports:
        staged.file.delete(save=False)
        staged.delete()


def staged_imports_purge(*, now=None) -> int:
    """Delete every expired staged import with its file; returns how many."""
    expired = list(_expired(now)[:500])
    _delete(expired)
    return len(expired)


@atomic_with_files
def staged_import_create(
    *, membership, user, kind: str, data: bytes, file_name: str, scope="", options=None
) -> StagedImport:
    """Keep `data` for the user's confirmation; replaces their earlier staged file of this
    kind and scope."""
    if len(data) > settings.IMPORT_MAX_UPLOAD_MB * MB:
        raise ValidationError(
            _("The file is larger than %(n)s MB.") % {"n": settings.IMPORT_MAX_UPLOAD_MB}
        )
    staged_imports_purge()
    staged_import_discard(membership=membership, user=user, kind=kind, scope=scope)
    staged = StagedImport(
        organization=membership.organization,
        user=user,
        kind=kind,
        scope=str(scope),
        file_name=file_name[:255],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        options=options or {},
        expires_at=timezone.now() + datetime.timedelta(hours=settings.IMPORT_STAGED_HOURS),
    )
    staged.file.save(f"{membership.organization_id}.bin", ContentFile(data), save=False)
    track_stored_file(staged.file.storage, staged.file.name)
    staged.save()
    return staged


def staged_import_get(*, membership, user, kind: str, scope="", pk=None) -> StagedImport | None:
    """The user's unexpired staged file of this kind (the one named by `pk`, or the latest)."""
    found = StagedImport.objects.filter(
        organization=membership.organization,
        user=user,
        kind=kind,
        scope=str(scope),
        expires_at__gt=timezone.now(),
    ).order_by("-created_at", "-pk")
    if pk not in (None, ""):
        try:
            found = found.filter(pk=int(pk))
        except (TypeError, ValueError):
            return None
    return found.first()


def staged_import_read(staged: StagedImport) -> bytes:
    """The stored bytes, refused when they differ from what was checked."""
    try:
        with staged.file.open("rb") as handle:
            data = handle.read()
    except OSError:
        data = None
    if data is None or hashlib.sha256(data).hexdigest() != staged.sha256:
        raise StagedFileChanged(_("The checked file changed; check it again."))
    return data


def staged_import_discard(*, membership, user, kind: str, scope="") -> None:
    _delete(
        StagedImport.objects.filter(
            organization=membership.organization, user=user, kind=kind, scope=str(scope)
        )
    )
