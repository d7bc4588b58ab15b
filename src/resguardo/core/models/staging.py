from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StagedImport(models.Model):
    """A spreadsheet checked in a dry run and kept in storage until its owner confirms it.

    Owned by one organization and one user (nobody else can confirm it) and expiring: a
    confirmation re-reads this stored file, never a copy held in the session.
    `kind` names the import ("shipments", "partners", "reports.workbook"); `scope` narrows it
    where one kind has many targets (the assessment a workbook belongs to); `options` keeps
    the choices made with the upload (a default site).
    """

    organization = models.ForeignKey(
        "core.Organization", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    scope = models.CharField(_("scope"), max_length=60, blank=True)
    file = models.FileField(_("file"), upload_to="staged-imports/%Y/%m/", max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    options = models.JSONField(_("options"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("staged import")
        verbose_name_plural = _("staged imports")
        indexes = [
            models.Index(
                fields=["organization", "user", "kind", "scope"], name="core_staged_owner_idx"
            )
        ]

    def __str__(self):
        return self.file_name
