"""The stored-file mixin: one set of fields for every model that keeps an uploaded file."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .names import extension_of


def stored_file_path(instance, filename):
    """Storage names come from the model (`stored_file_name`), never from the uploader."""
    return instance.stored_file_name(filename)


class StoredFile(models.Model):
    """An uploaded file with what the inspector found when it came in.

    `content_type` is the one checked from the content and the only one ever sent back on
    download; `original_name` only names downloads. Fill these fields with
    `resguardo.core.files.store_upload`, which also deletes the file again if the transaction
    rolls back. Models whose file is optional leave `file` empty.
    """

    file = models.FileField(_("file"), upload_to=stored_file_path, max_length=300, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)

    class Meta:
        abstract = True

    def stored_file_name(self, filename: str) -> str:
        """A fresh, unguessable name per upload: files never overwrite each other.

        Models may override it to keep their own layout; the default is
        <app>/<organization>/<year>/<month>/<random>.<extension>.
        """
        today = timezone.localdate()
        extension = extension_of(filename) or "bin"
        owner = getattr(self, "organization_id", None) or "shared"
        return f"{self._meta.app_label}/{owner}/{today:%Y/%m}/{uuid.uuid4().hex}.{extension}"
