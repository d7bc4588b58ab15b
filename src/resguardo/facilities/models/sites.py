"""The site's security profile (standards 2.1-2.7), versioned, and its CCTV cameras."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

# The footage the E4 form asks to keep (at least one month).
MIN_RETENTION_DAYS = 30


class SiteProfile(TenantModel):
    """One version of a site's physical security description. A change writes a new version
    and keeps the previous ones (`is_current` marks the latest)."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    number = models.PositiveIntegerField(_("version"))
    is_current = models.BooleanField(default=True, editable=False)
    premises = models.TextField(_("2.1 buildings and premises"), blank=True)
    gates = models.TextField(_("2.2 gates and guardhouses"), blank=True)
    gate_count = models.PositiveIntegerField(_("number of gates"), default=0)
    perimeter = models.TextField(_("2.3 perimeter fences"), blank=True)
    has_fence = models.BooleanField(_("the site has a perimeter fence"), default=False)
    parking = models.TextField(_("2.4 parking"), blank=True)
    private_cars_apart = models.BooleanField(
        _("private vehicles are kept apart from cargo areas"), default=False
    )
    locks_and_keys = models.TextField(_("2.5 locks and keys"), blank=True)
    lighting = models.TextField(_("2.6 lighting"), blank=True)
    backup_power = models.BooleanField(_("backup power or generator"), default=False)
    alarms_and_cctv = models.TextField(_("2.7 alarms and CCTV"), blank=True)
    cctv_failure_notice = models.BooleanField(
        _("the CCTV system gives notice when it stops recording"), default=False
    )
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("site security profile")
        verbose_name_plural = _("site security profiles")
        ordering = ["site__name", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "number"], name="facilities_siteprofile_version_unique"
            ),
            models.UniqueConstraint(
                fields=["site"],
                condition=Q(is_current=True),
                name="facilities_siteprofile_one_current",
            ),
        ]

    def __str__(self):
        return f"{self.site} v{self.number}"


class Camera(TenantModel):
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    name = models.CharField(_("camera"), max_length=100)
    location = models.CharField(_("location"), max_length=200)
    coverage = models.CharField(_("what it covers"), max_length=300, blank=True)
    covers_loaded_vehicles = models.BooleanField(
        _("covers where loaded vehicles are kept"), default=False
    )
    retention_days = models.PositiveIntegerField(_("recordings kept (days)"), default=30)
    is_active = models.BooleanField(_("active"), default=True)
    access = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("who may access")
    )

    class Meta:
        verbose_name = _("CCTV camera")
        verbose_name_plural = _("CCTV cameras")
        ordering = ["site__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "site", "name"], name="facilities_camera_name_unique"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.location})"

    @property
    def retention_short(self) -> bool:
        return self.retention_days < MIN_RETENTION_DAYS
