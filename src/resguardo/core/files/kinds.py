"""The kinds of upload, each with the types it accepts, its size limit and its messages.

Every size limit is one setting read from the environment (see .env.example):

- EVIDENCE_MAX_UPLOAD_MB: compliance evidence and shipment documents (kept as evidence);
- DOCUMENT_MAX_UPLOAD_MB: documents in a business partner's file;
- PHOTO_MAX_UPLOAD_MB: photos of seals and inspection points;
- IMPORT_MAX_UPLOAD_MB: spreadsheets uploaded to be imported.

A kind judges a file either by its name (the extension must be accepted and the content must
be what the extension says) or by its content alone (the name only has to be harmless, and the
stored file gets the extension of what the content is). The messages are the ones each kind's
users have always seen.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import types

MB = 1024 * 1024


@dataclass(frozen=True)
class Messages:
    """The sentence for each refusal. Placeholders: ext, name, found, what, size, limit, mb."""

    dangerous: Promise = _("Files of type .%(ext)s are not accepted: they could run code.")
    bad_name: Promise = _(
        "The file's name is not accepted: rename it without slashes or control characters."
    )
    unsupported: Promise = _(
        "This kind of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, WebP), an "
        "Office document or a CSV/text file."
    )
    empty: Promise = _("The file is empty.")
    too_large: Promise = _("The file is larger than the %(mb)s MB limit.")
    mismatch: Promise = _(
        "The file's content does not match its name: it is named .%(ext)s but its content is "
        "%(found)s."
    )
    what: Promise = _("The file")


@dataclass(frozen=True)
class UploadKind:
    key: str
    size_setting: str  # the setting (and environment variable) holding the limit in MB
    # Judged by name: each accepted extension and the type its content must be.
    extensions: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    # Judged by content: the types accepted whatever the name says.
    content_types: tuple[types.FileType, ...] = ()
    # Images must decode whole (not only start like an image).
    decode_images: bool = False
    # Extensions refused as dangerous for this kind only (XML is data for shipments).
    also_dangerous: frozenset[str] = frozenset()
    messages: Messages = field(default_factory=Messages)

    @property
    def by_content(self) -> bool:
        return bool(self.content_types)

    def max_bytes(self) -> int:
        return getattr(settings, self.size_setting) * MB

    @property
    def accept(self) -> str:
        """The file input's `accept` attribute: what the phone or browser offers to pick."""
        if self.by_content:
            wanted = {t.content_type.split(";")[0] for t in self.content_types}
            wanted |= {f".{t.extension}" for t in self.content_types}
            return ",".join(sorted(wanted))
        return ",".join(f".{extension}" for extension in self.extensions)


EVIDENCE = UploadKind(
    key="evidence",
    size_setting="EVIDENCE_MAX_UPLOAD_MB",
    extensions=MappingProxyType(
        {
            "pdf": types.PDF,
            "png": types.PNG,
            "jpg": types.JPEG,
            "jpeg": types.JPEG,
            "gif": types.GIF,
            "webp": types.WEBP,
            "docx": types.DOCX,
            "xlsx": types.XLSX,
            "pptx": types.PPTX,
            "doc": types.OLE2,
            "xls": types.OLE2,
            "ppt": types.OLE2,
            "txt": types.TEXT,
            "csv": types.CSV,
        }
    ),
    also_dangerous=frozenset({"xml"}),
)

DOCUMENT = UploadKind(
    key="document",
    size_setting="DOCUMENT_MAX_UPLOAD_MB",
    extensions=MappingProxyType(
        {
            "pdf": types.PDF,
            "png": types.PNG,
            "jpg": types.JPEG,
            "jpeg": types.JPEG,
            "docx": types.DOCX,
            "xlsx": types.XLSX,
            "doc": types.DOC,
            "xls": types.XLS,
        }
    ),
    messages=Messages(
        dangerous=_("Files of type “.%(ext)s” are not accepted. Use PDF, JPG, PNG, Word or Excel."),
        unsupported=_(
            "Files of type “.%(ext)s” are not accepted. Use PDF, JPG, PNG, Word or Excel."
        ),
        too_large=_("The file is larger than %(mb)s MB."),
        mismatch=_("The file content is not a valid .%(ext)s file."),
    ),
)

# Trade documents of a shipment (CFDI, carta porte, invoices): PDF, XML or a picture of the
# paper. Kept as evidence of the shipment, so under the evidence limit.
TRADE_DOCUMENT = UploadKind(
    key="trade_document",
    size_setting="EVIDENCE_MAX_UPLOAD_MB",
    content_types=(types.PDF, types.XML, *types.IMAGES),
    decode_images=True,
    messages=Messages(
        too_large=_("%(what)s is %(size).1f MB; the limit is %(limit)s MB."),
        unsupported=_("“%(name)s” is not a PDF, an XML file or an image."),
    ),
)

PHOTO = UploadKind(
    key="photo",
    size_setting="PHOTO_MAX_UPLOAD_MB",
    content_types=types.IMAGES,
    decode_images=True,
    messages=Messages(
        empty=_("The photo is empty."),
        too_large=_("%(what)s is %(size).1f MB; the limit is %(limit)s MB."),
        unsupported=_("“%(name)s” is not a photo: upload a JPEG, PNG or WebP image."),
        what=_("The photo"),
    ),
)

IMPORT = UploadKind(
    key="import",
    size_setting="IMPORT_MAX_UPLOAD_MB",
    extensions=MappingProxyType({"csv": types.CSV, "txt": types.TEXT, "xlsx": types.XLSX}),
    messages=Messages(
        unsupported=_("This kind of file is not accepted. Upload a CSV or an Excel (.xlsx) file."),
    ),
)
