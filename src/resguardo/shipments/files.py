"""Checking uploaded files by their content (never by the name or the browser's claim).

Shipment documents may be PDF, XML (CFDI, carta porte) or images; photos of seals and
inspection points must be images. The checked content type is stored and is the only one
ever sent back when the file is downloaded.
"""

import hashlib
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
PHOTO_MAX_BYTES = getattr(settings, "PHOTO_MAX_UPLOAD_MB", 10) * MB
PHOTO_MAX_PIXELS = 50_000_000  # 50 megapixels: anything larger is a decompression bomb
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    sha256: str
    size: int


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in (
        upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(65536), b"")
    ):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _too_big(upload, limit: int, label) -> None:
    if upload.size > limit:
        raise ValidationError(
            _("%(what)s is %(size).1f MB; the limit is %(limit)s MB."),
            code="file_too_large",
            params={"what": label, "size": upload.size / MB, "limit": limit // MB},
        )


def _image_format(upload) -> str | None:
    """The Pillow format name when the bytes are a whole, readable image, else None."""
    from PIL import Image

    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.width * image.height > PHOTO_MAX_PIXELS:
                    return None
                image_format = image.format
                image.verify()
    except Exception:  # noqa: BLE001 - any decoder error means "not an image we accept"
        return None
    finally:
        upload.seek(0)
    return image_format if image_format in IMAGE_FORMATS else None


def check_photo(upload) -> CheckedFile:
    """A photo must be a JPEG, PNG or WebP image within the size limit."""
    if upload is None or upload.size == 0:
        raise ValidationError(_("The photo is empty."), code="photo_empty")
    _too_big(upload, PHOTO_MAX_BYTES, _("The photo"))
    image_format = _image_format(upload)
    if image_format is None:
        raise ValidationError(
            _("“%(name)s” is not a photo: upload a JPEG, PNG or WebP image."),
            code="photo_not_image",
            params={"name": getattr(upload, "name", "") or "?"},
        )
    content_type, extension = IMAGE_FORMATS[image_format]
    return CheckedFile(content_type, extension, _sha256(upload), upload.size)


def check_document(upload) -> CheckedFile:
    """A shipment document: PDF, XML or an image, within the evidence size limit."""
    if upload is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    limit = getattr(settings, "EVIDENCE_MAX_UPLOAD_MB", 50) * MB
    _too_big(upload, limit, _("The file"))
    upload.seek(0)
    head = upload.read(512)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return CheckedFile("application/pdf", "pdf", _sha256(upload), upload.size)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<cfdi:"):
        return CheckedFile("application/xml", "xml", _sha256(upload), upload.size)
    image_format = _image_format(upload)
    if image_format is not None:
        content_type, extension = IMAGE_FORMATS[image_format]
        return CheckedFile(content_type, extension, _sha256(upload), upload.size)
    raise ValidationError(
        _("“%(name)s” is not a PDF, an XML file or an image."),
        code="file_type",
        params={"name": getattr(upload, "name", "") or "?"},
    )


def storage_name(prefix: str, organization_id: int, extension: str) -> str:
    """A fresh, unguessable name: uploads never overwrite each other."""
    today = timezone.localdate()
    return f"{prefix}/{organization_id}/{today:%Y/%m}/{uuid.uuid4().hex}.{extension}"
