"""Small helpers shared by the partner services."""

import calendar
import datetime
import hashlib
import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import PartnerPolicy

MAX_DOCUMENT_MB = 25
ALLOWED_DOCUMENT_TYPES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "xls": (b"\xd0\xcf\x11\xe0",),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
}


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def policy_for(organization) -> PartnerPolicy:
    """The organization's policy, or the defaults (unsaved) when it never changed them."""
    policy = PartnerPolicy.objects.filter(organization=organization).first()
    return policy or PartnerPolicy(organization=organization)


def inspect_document(upload, *, field: str = "file") -> dict:
    """Refuse a file that is too big, of a type we do not keep, or whose content is not
    what its extension says. Returns name, size, content type and SHA-256."""
    name = os.path.basename(getattr(upload, "name", "") or "file")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_DOCUMENT_TYPES:
        raise ValidationError(
            {
                field: _(
                    "Files of type “.%(ext)s” are not accepted. Use PDF, JPG, PNG, Word or Excel."
                )
                % {"ext": extension or "?"}
            },
            code="file_type",
        )
    size = upload.size or 0
    if size == 0:
        raise ValidationError({field: _("The file is empty.")}, code="empty")
    if size > MAX_DOCUMENT_MB * 1024 * 1024:
        raise ValidationError(
            {field: _("The file is larger than %(mb)s MB.") % {"mb": MAX_DOCUMENT_MB}},
            code="file_size",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    head = b""
    for chunk in upload.chunks():
        if not head:
            head = chunk[:16]
        digest.update(chunk)
    upload.seek(0)
    if not head.startswith(ALLOWED_DOCUMENT_TYPES[extension]):
        raise ValidationError(
            {field: _("The file content is not a valid .%(ext)s file.") % {"ext": extension}},
            code="file_content",
        )
    return {
        "original_name": name[:255],
        "size": size,
        "content_type": CONTENT_TYPES[extension],
        "sha256": digest.hexdigest(),
    }
