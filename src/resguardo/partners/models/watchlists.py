"""Official lists (SAT 69-B, SAT Art. 69, OFAC). Public data shared by every organization:
these rows carry no tenant. Every imported version is kept with its date and hash."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TimestampedModel

from ..choices import EntityType, NameKind, WatchlistSource


def list_file_path(instance, filename):
    return f"watchlists/{instance.source}/{instance.sha256[:16]}-{filename}"


class ListVersion(TimestampedModel):
    source = models.CharField(_("list"), max_length=30, choices=WatchlistSource)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    file = models.FileField(_("file"), upload_to=list_file_path, max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    origin = models.CharField(_("origin"), max_length=500, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    entry_count = models.PositiveIntegerField(_("entries"), default=0)
    alias_count = models.PositiveIntegerField(_("aliases"), default=0)
    skipped_rows = models.JSONField(_("rows skipped"), default=list, blank=True)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        ordering = ["source", "-imported_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "sha256"], name="list_version_unique_hash"),
            models.UniqueConstraint(
                fields=["source"], condition=Q(is_current=True), name="list_version_one_current"
            ),
        ]
        verbose_name = _("list version")
        verbose_name_plural = _("list versions")

    def __str__(self):
        day = self.published_on or self.imported_at.date()
        return f"{self.get_source_display()} · {day}"


class ListEntry(models.Model):
    version = models.ForeignKey(
        ListVersion, on_delete=models.CASCADE, related_name="entries", verbose_name=_("version")
    )
    source = models.CharField(_("list"), max_length=30, choices=WatchlistSource)
    entry_key = models.CharField(_("key"), max_length=200)  # stable across versions
    name = models.CharField(_("name"), max_length=500)
    normalized = models.CharField(max_length=500)
    rfcs = models.CharField(_("RFC"), max_length=200, blank=True)  # space-separated
    entity_type = models.CharField(
        _("entity type"), max_length=10, choices=EntityType, default=EntityType.UNKNOWN
    )
    status = models.CharField(_("situation or program"), max_length=200, blank=True)
    is_adverse = models.BooleanField(
        _("raises hits"),
        default=True,
        help_text=_("69-B entries whose situation is Desvirtuado or Sentencia favorable do not."),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["version", "entry_key"], name="list_entry_unique_key")
        ]
        verbose_name = _("list entry")
        verbose_name_plural = _("list entries")

    def __str__(self):
        return self.name

    @property
    def rfc_list(self) -> list[str]:
        return self.rfcs.split()


class ListEntryName(models.Model):
    """The other names an entry goes by (OFAC aliases), normalised for matching."""

    entry = models.ForeignKey(ListEntry, on_delete=models.CASCADE, related_name="names")
    version = models.ForeignKey(ListVersion, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=NameKind, default=NameKind.AKA)
    name = models.CharField(_("name"), max_length=500)
    normalized = models.CharField(max_length=500)

    class Meta:
        verbose_name = _("list entry name")
        verbose_name_plural = _("list entry names")

    def __str__(self):
        return self.name


class ListImportAttempt(models.Model):
    """Each fetch or upload, accepted or refused, so a failed download is visible."""

    source = models.CharField(_("list"), max_length=30, choices=WatchlistSource)
    attempted_at = models.DateTimeField(_("time"), default=timezone.now)
    succeeded = models.BooleanField(_("accepted"))
    message = models.TextField(_("result"))
    origin = models.CharField(_("origin"), max_length=500, blank=True)
    version = models.ForeignKey(
        ListVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-attempted_at"]
        verbose_name = _("list import attempt")
        verbose_name_plural = _("list import attempts")

    def __str__(self):
        return f"{self.source} {self.attempted_at:%Y-%m-%d %H:%M} {self.succeeded}"
