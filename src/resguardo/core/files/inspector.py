"""The one upload inspector: what a file really is, judged from its bytes, not its name.

`inspect_upload(upload, kind=...)` refuses a dangerous name before reading anything, then
streams the upload once in chunks: it refuses a file over the kind's size limit as soon as it
passes it, takes the SHA-256 on the way, and finally compares the type found in the content
with what the kind accepts. Every refusal is a ValidationError with the kind's message (under
`field` when given, so that forms show it beside the file input).
"""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import types
from .kinds import MB, UploadKind
from .names import MAX_NAME_LENGTH, dangerous_extension, extension_of, has_unsafe_characters

CHUNK_SIZE = 64 * 1024


@dataclass(frozen=True)
class InspectedFile:
    name: str  # the uploader's file name, kept to name downloads (never used in storage)
    size: int
    sha256: str
    file_type: types.FileType
    # The extension the stored file gets: the name's, or the content's when the kind judges
    # by content.
    extension: str

    @property
    def content_type(self) -> str:
        return self.file_type.content_type


class _Refusal(Exception):
    def __init__(self, code, **params):
        self.code, self.params = code, params


def _check_name(name: str, kind: UploadKind) -> types.FileType | None:
    """The type the name promises (None for kinds judged by content)."""
    if has_unsafe_characters(name):
        raise _Refusal("bad_name")
    dangerous = dangerous_extension(name)
    if dangerous is None:
        parts = {part.strip().lower() for part in name.split(".")[1:]}
        dangerous = next(iter(sorted(parts & kind.also_dangerous)), None)
    if dangerous:
        raise _Refusal("dangerous", ext=dangerous)
    if kind.by_content:
        return None
    extension = extension_of(name)
    if extension not in kind.extensions:
        raise _Refusal("unsupported", ext=extension or "?")
    return kind.extensions[extension]


def _stream(upload, *, limit: int, text_expected: bool):
    """(size, sha256, head, has_nul), stopping as soon as the limit is passed."""
    digest = hashlib.sha256()
    size, head, has_nul = 0, b"", False
    upload.seek(0)
    while chunk := upload.read(CHUNK_SIZE):
        size += len(chunk)
        if size > limit:
            raise _Refusal("too_large", size=_size_of(upload, size) / MB)
        digest.update(chunk)
        if len(head) < types.HEAD_SIZE:
            head += chunk[: types.HEAD_SIZE - len(head)]
        if text_expected and b"\x00" in chunk:
            has_nul = True
    return size, digest.hexdigest(), head, has_nul


def _size_of(upload, read_so_far: int) -> int:
    return max(getattr(upload, "size", None) or 0, read_so_far)


def _same_content(claimed: types.FileType, found: types.FileType | None) -> bool:
    if found is None:
        return False
    if claimed.key in types.TEXTUAL:  # XML is text too
        return found.key in ("text", "xml")
    return found.key == claimed.key


def _judge(upload, name, kind, claimed, head, has_nul) -> types.FileType:
    found = types.detect_type(head, upload, has_nul=has_nul)
    if kind.decode_images and found in types.IMAGES:
        found = types.decoded_image_type(upload)
    upload.seek(0)
    if kind.by_content:
        if found not in kind.content_types:
            raise _Refusal("unsupported")
        return found
    if not _same_content(claimed, found):
        raise _Refusal(
            "mismatch",
            ext=extension_of(name),
            found=found.label if found else _("not a recognised document"),
        )
    return claimed


def _inspect(upload, name: str, kind: UploadKind) -> InspectedFile:
    claimed = _check_name(name, kind)
    if upload is None or (getattr(upload, "size", None) == 0):
        raise _Refusal("empty")
    text_expected = claimed is not None and claimed.key in types.TEXTUAL
    size, sha256, head, has_nul = _stream(
        upload, limit=kind.max_bytes(), text_expected=text_expected
    )
    if size == 0:
        raise _Refusal("empty")
    file_type = _judge(upload, name, kind, claimed, head, has_nul)
    return InspectedFile(
        name=name[:MAX_NAME_LENGTH],
        size=size,
        sha256=sha256,
        file_type=file_type,
        extension=file_type.extension if kind.by_content else extension_of(name),
    )


def inspect_upload(upload, *, kind: UploadKind, name=None, field=None) -> InspectedFile:
    """Describe an acceptable upload, or refuse it with the kind's message for users.

    `name` defaults to the upload's own name; `field` puts the message under that form field.
    """
    if name is None:
        name = getattr(upload, "name", "") or ""
    try:
        return _inspect(upload, name, kind)
    except _Refusal as refusal:
        limit_mb = kind.max_bytes() // MB
        params = {
            "ext": "",
            "name": name or "?",
            "found": "",
            "what": kind.messages.what,
            "size": 0.0,
            "limit": limit_mb,
            "mb": limit_mb,
            **refusal.params,
        }
        message = getattr(kind.messages, refusal.code) % params
        code = {"mismatch": "type_mismatch"}.get(refusal.code, refusal.code)
        error = ValidationError(message, code=code)
        raise (ValidationError({field: error}) if field else error) from None
