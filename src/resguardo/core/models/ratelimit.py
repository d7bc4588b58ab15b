from django.db import models


class RateWindow(models.Model):
    """Requests counted for one key in its current window (password-reset e-mails per address,
    anonymous incident reports per hashed client address). See core.ratelimit."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=300)
    window_started_at = models.DateTimeField()
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="core_ratewindow_scope_key")
        ]
        indexes = [
            models.Index(fields=["scope", "window_started_at"], name="core_ratewindow_window_idx")
        ]

    def __str__(self):
        return f"{self.scope} {self.key[:12]}: {self.requests} since {self.window_started_at}"
