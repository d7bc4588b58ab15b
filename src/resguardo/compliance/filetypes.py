"""What an uploaded file really is, judged from its bytes, not its name.

`inspect_upload(file, name, max_bytes)` streams the upload once in chunks: it refuses a file
over the size limit as soon as it passes it, takes the SHA-256 on the way, then compares the
type found in the content with the type the name's extension claims. Dangerous extensions
(programs, scripts, web pages, SVG) are refused outright, whatever the content.

No dependency: the signatures below are the published magic numbers of each format.
"""

import hashlib
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CHUNK_SIZE = 64 * 1024
HEAD_SIZE = 8 * 1024


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    content_type: str


PDF = FileType("pdf", "PDF", "application/pdf")
PNG = FileType("png", "PNG", "image/png")
JPEG = FileType("jpeg", "JPEG", "image/jpeg")
GIF = FileType("gif", "GIF", "image/gif")
WEBP = FileType("webp", "WebP", "image/webp")
DOCX = FileType(
    "docx",
    "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileType(
    "xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
PPTX = FileType(
    "pptx",
    "PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
OLE2 = FileType("ole2", "Office 97-2003", "application/octet-stream")
TEXT = FileType("text", "Text", "text/plain; charset=utf-8")
CSV = FileType("csv", "CSV", "text/csv; charset=utf-8")

# The type each accepted extension must turn out to be.
EXTENSION_TYPES: dict[str, FileType] = {
    "pdf": PDF,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "gif": GIF,
    "webp": WEBP,
    "docx": DOCX,
    "xlsx": XLSX,
    "pptx": PPTX,
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
    "txt": TEXT,
    "csv": CSV,
}

DANGEROUS_EXTENSIONS = frozenset(
    {
        "exe", "js", "mjs", "bat", "cmd", "sh", "bash", "ps1", "psm1", "vbs", "vbe", "jse",
        "wsf", "wsh", "jar", "scr", "msi", "msp", "dll", "com", "cpl", "pif", "hta", "html",
        "htm", "xhtml", "shtml", "svg", "svgz", "php", "phtml", "asp", "aspx", "jsp", "py",
        "pl", "rb", "cgi", "lnk", "reg", "inf", "app", "dmg", "apk", "iso", "docm", "xlsm",
        "pptm", "dotm", "xltm", "xml", "swf",
    }
)  # fmt: skip

_MAGIC = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE2),
]
_OOXML_PARTS = [("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX)]


@dataclass(frozen=True)
class InspectedFile:
    sha256: str
    size: int
    file_type: FileType
    extension: str


def extension_of(name: str) -> str:
    base = (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def check_name(name: str) -> FileType:
    """The type a file name promises, or a ValidationError for a refused name."""
    extension = extension_of(name)
    # "report.pdf.exe" and "report.exe.pdf" alike: any dangerous part refuses the name.
    parts = {p.lower() for p in (name or "").rsplit("/", 1)[-1].split(".")[1:]}
    if extension in DANGEROUS_EXTENSIONS or parts & DANGEROUS_EXTENSIONS:
        raise ValidationError(
            _("Files of type .%(ext)s are not accepted: they could run code.")
            % {"ext": extension or next(iter(parts & DANGEROUS_EXTENSIONS))},
            code="dangerous",
        )
    if extension not in EXTENSION_TYPES:
        raise ValidationError(
            _(
                "This kind of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, "
                "WebP), an Office document or a CSV/text file."
            ),
            code="unsupported",
        )
    return EXTENSION_TYPES[extension]


def _ooxml_type(file) -> FileType | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, file_type in _OOXML_PARTS:
        if any(n.startswith(prefix) for n in names):
            return file_type
    return None


def _looks_like_text(head: bytes, has_nul: bool) -> bool:
    if has_nul or not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # a multi-byte character cut by the head's end
            return True
    # Latin-1 decodes any byte; refuse control characters a text file would not hold.
    return not any(b < 9 or 13 < b < 32 for b in head)


def detect_type(head: bytes, file=None, *, has_nul: bool = False) -> FileType | None:
    for signature, file_type in _MAGIC:
        if head.startswith(signature):
            return file_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04") and file is not None:
        return _ooxml_type(file)
    if _looks_like_text(head, has_nul):
        return TEXT
    return None


def _matches(claimed: FileType, found: FileType | None) -> bool:
    if found is None:
        return False
    if claimed in (TEXT, CSV):
        return found == TEXT
    return found == claimed


def inspect_upload(file, name: str, *, max_bytes: int) -> InspectedFile:
    """Stream the upload once; refuse it with a clear message or describe it."""
    claimed = check_name(name)
    digest = hashlib.sha256()
    size = 0
    head = b""
    has_nul = False
    file.seek(0)
    while chunk := file.read(CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            raise ValidationError(
                _("The file is larger than the %(mb)s MB limit.")
                % {"mb": max_bytes // (1024 * 1024)},
                code="too_large",
            )
        digest.update(chunk)
        if len(head) < HEAD_SIZE:
            head += chunk[: HEAD_SIZE - len(head)]
        if claimed in (TEXT, CSV) and b"\x00" in chunk:
            has_nul = True
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    found = detect_type(head, file, has_nul=has_nul)
    file.seek(0)
    if not _matches(claimed, found):
        raise ValidationError(
            _(
                "The file's content does not match its name: it is named .%(ext)s but its "
                "content is %(found)s."
            )
            % {
                "ext": extension_of(name),
                "found": found.label if found else _("not a recognised document"),
            },
            code="type_mismatch",
        )
    return InspectedFile(
        sha256=digest.hexdigest(), size=size, file_type=claimed, extension=extension_of(name)
    )
