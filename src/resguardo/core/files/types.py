"""What a file is, judged from its bytes (the published magic numbers of each format).

No dependency for the signatures; Pillow only to decode images whole when a rule asks for it
(a photo must be a real, readable picture, not just a file that starts like one).
"""

import warnings
import zipfile
from dataclasses import dataclass

HEAD_SIZE = 8 * 1024
MAX_PIXELS = 50_000_000  # 50 megapixels: anything larger is a decompression bomb


@dataclass(frozen=True)
class FileType:
    key: str  # what the content is; two types with one key are the same content
    label: str
    content_type: str  # the only content type ever sent back when the file is downloaded
    extension: str  # the extension a stored file of this type gets


PDF = FileType("pdf", "PDF", "application/pdf", "pdf")
PNG = FileType("png", "PNG", "image/png", "png")
JPEG = FileType("jpeg", "JPEG", "image/jpeg", "jpg")
GIF = FileType("gif", "GIF", "image/gif", "gif")
WEBP = FileType("webp", "WebP", "image/webp", "webp")
DOCX = FileType(
    "docx",
    "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
)
XLSX = FileType(
    "xlsx",
    "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsx",
)
PPTX = FileType(
    "pptx",
    "PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pptx",
)
# Word, Excel and PowerPoint 97-2003 share one container: the content cannot tell them apart.
OLE2 = FileType("ole2", "Office 97-2003", "application/octet-stream", "bin")
DOC = FileType("ole2", "Word 97-2003", "application/msword", "doc")
XLS = FileType("ole2", "Excel 97-2003", "application/vnd.ms-excel", "xls")
XML = FileType("xml", "XML", "application/xml", "xml")
TEXTUAL = ("text", "csv")  # keys of types whose content is plain text
TEXT = FileType("text", "Text", "text/plain; charset=utf-8", "txt")
CSV = FileType("csv", "CSV", "text/csv; charset=utf-8", "csv")

IMAGES = (JPEG, PNG, WEBP)
_PILLOW_FORMATS = {"JPEG": JPEG, "PNG": PNG, "WEBP": WEBP}

_MAGIC = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE2),
]
_OOXML_PARTS = [("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX)]


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


def _looks_like_xml(head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped.startswith(b"<?xml") or stripped.startswith(b"<cfdi:")


def detect_type(head: bytes, file=None, *, has_nul: bool = False) -> FileType | None:
    """The type the content is, from its first bytes (and the zip directory for Office)."""
    for signature, file_type in _MAGIC:
        if head.startswith(signature):
            return file_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04") and file is not None:
        return _ooxml_type(file)
    if _looks_like_xml(head):
        return XML
    if _looks_like_text(head, has_nul):
        return TEXT
    return None


def decoded_image_type(file) -> FileType | None:
    """The image type when the bytes are a whole, readable JPEG, PNG or WebP, else None."""
    from PIL import Image

    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                if image.width * image.height > MAX_PIXELS:
                    return None
                image_format = image.format
                image.verify()
    except Exception:  # noqa: BLE001 - any decoder error means "not an image we accept"
        return None
    finally:
        file.seek(0)
    return _PILLOW_FORMATS.get(image_format)
