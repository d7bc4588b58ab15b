"""Access control records (standards 3.1, 3.3, 3.4): guards and their shifts, challenges of
unauthorized persons or vehicles, mail and package screening."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import ChallengeSubject, GuardEmployer


class Challenge(TenantModel):
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    occurred_at = models.DateTimeField(_("when"))
    subject = models.CharField(_("who or what"), max_length=20, choices=ChallengeSubject.choices)
    description = models.TextField(_("description"))
    plates = models.CharField(_("vehicle plates"), max_length=20, blank=True)
    action_taken = models.TextField(_("how they were challenged and removed"))
    removed = models.BooleanField(_("removed from the site"), default=True)
    authorities_called = models.BooleanField(_("authorities called"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("challenge of an unauthorized person or vehicle")
        verbose_name_plural = _("challenges of unauthorized persons or vehicles")
        ordering = ["-occurred_at", "-pk"]

    def __str__(self):
        return f"{self.get_subject_display()} {self.occurred_at:%Y-%m-%d %H:%M}"


class Package(TenantModel):
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    received_at = models.DateTimeField(_("received"))
    sender = models.CharField(_("sender"), max_length=200)
    carrier = models.CharField(_("carrier"), max_length=120, blank=True)
    addressee = models.CharField(_("addressee"), max_length=200)
    screened = models.BooleanField(_("screened before distribution"), default=False)
    suspicious = models.BooleanField(_("suspicious"), default=False)
    signs = models.TextField(_("signs noticed"), blank=True)
    procedure_followed = models.TextField(_("procedure followed"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("package")
        verbose_name_plural = _("packages")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.sender} → {self.addressee}"


class Guard(TenantModel):
    full_name = models.CharField(_("full name"), max_length=200)
    employer = models.CharField(_("employer"), max_length=20, choices=GuardEmployer.choices)
    company = models.CharField(
        _("security company"),
        max_length=200,
        blank=True,
        help_text=_("For contracted guards: the company, a business partner."),
    )
    armed = models.BooleanField(_("armed"), default=False)
    radio = models.CharField(_("radio or phone"), max_length=60, blank=True)
    sites = models.ManyToManyField("core.Site", related_name="+", verbose_name=_("sites"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("security guard")
        verbose_name_plural = _("security guards")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name


class GuardShift(TenantModel):
    guard = models.ForeignKey(Guard, on_delete=models.CASCADE, related_name="shifts")
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("guard shift")
        verbose_name_plural = _("guard shifts")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="facilities_guardshift_ends_after_start",
            )
        ]
