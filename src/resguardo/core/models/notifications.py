from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message for one user: shown in the app, and e-mailed as their preference says.

    `key` names what it is about ("calendar.reminder:compliance.action:42:7d"); a user gets
    one notification per key, so a job that runs twice, or a handler that is retried, never
    notifies twice. Title and body are stored already rendered in the user's language.
    """

    organization = models.ForeignKey(
        "core.Organization", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(_("key"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_error = models.TextField(_("last e-mail error"), blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_notification_once_per_key")
        ]
        indexes = [
            models.Index(fields=["user", "read_at"], name="core_notification_unread_idx"),
            models.Index(fields=["emailed_at", "created_at"], name="core_notification_mail_idx"),
        ]

    def __str__(self):
        return self.title
