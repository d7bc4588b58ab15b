"""The gate log (standard 3.2): who came in, to see whom, with which badge, and when they left."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models.base import TenantModel

from ..choices import IdMasking, IdType, VisitorKind


class GatePolicy(TenantModel):
    """One per organization: what the gate shows and keeps (privacy notice, ID masking,
    retention of the visitor records)."""

    privacy_notice = models.TextField(
        _("privacy notice shown at check-in"),
        blank=True,
        help_text=_("The short privacy notice the guard shows each visitor before recording."),
    )
    id_masking = models.CharField(
        _("ID numbers kept"), max_length=20, choices=IdMasking.choices, default=IdMasking.LAST_FOUR
    )
    retention_days = models.PositiveIntegerField(
        _("keep visitor records (days)"),
        default=365,
        help_text=_("Visits that ended longer ago are deleted by the purge command."),
    )

    class Meta:
        verbose_name = _("gate policy")
        verbose_name_plural = _("gate policies")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"], name="facilities_gatepolicy_one_per_org"
            ),
            models.CheckConstraint(
                condition=Q(retention_days__gte=30), name="facilities_gatepolicy_retention_min"
            ),
        ]

    def __str__(self):
        return str(_("Gate policy"))


class DeniedPerson(TenantModel):
    """Someone the gate must not let in; checked at every check-in."""

    full_name = models.CharField(_("full name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    id_number = models.CharField(_("ID number"), max_length=40, blank=True)
    company = models.CharField(_("company"), max_length=200, blank=True)
    reason = models.TextField(_("reason"))
    is_active = models.BooleanField(_("active"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("denied person")
        verbose_name_plural = _("denied persons")
        ordering = ["full_name"]
        indexes = [models.Index(fields=["organization", "name_key"], name="fac_denied_org_name")]

    def __str__(self):
        return self.full_name


class Visit(TenantModel, StoredFile):
    """One entry in the gate log: a check-in and, later, its check-out. The photo is the
    stored file."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=VisitorKind.choices)
    full_name = models.CharField(_("full name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    company = models.CharField(_("company"), max_length=200, blank=True)
    id_type = models.CharField(_("ID type"), max_length=20, choices=IdType.choices)
    id_number = models.CharField(_("ID number (as kept)"), max_length=40, blank=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("host"),
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    plates = models.CharField(_("vehicle plates"), max_length=20, blank=True)
    badge = models.ForeignKey(
        "facilities.Badge",
        on_delete=models.PROTECT,
        related_name="visits",
        null=True,
        blank=True,
        verbose_name=_("badge"),
    )
    escort_required = models.BooleanField(_("escort required"), default=False)
    escort_name = models.CharField(_("escort"), max_length=200, blank=True)
    privacy_notice_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    checked_in_at = models.DateTimeField(_("checked in"))
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    badge_returned_at = models.DateTimeField(_("badge returned"), null=True, blank=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-checked_in_at", "-pk"]
        indexes = [
            models.Index(
                fields=["organization", "-checked_in_at", "-id"], name="fac_visit_org_time"
            ),
            models.Index(
                fields=["organization", "site", "-checked_in_at", "-id"],
                name="fac_visit_org_site_time",
            ),
            models.Index(fields=["organization", "name_key"], name="fac_visit_org_name"),
            # the log filtered by site and name together (a name prefix within one site)
            models.Index(
                fields=["organization", "site", "name_key"], name="fac_visit_org_site_name"
            ),
            models.Index(
                fields=["organization", "site"],
                condition=Q(checked_out_at__isnull=True),
                name="fac_visit_on_site",
            ),
        ]
        constraints = [
            # The same person cannot be inside the same site twice: a second submission of
            # the check-in form (a double tap, a retried request) is refused.
            models.UniqueConstraint(
                fields=["site", "name_key"],
                condition=Q(checked_out_at__isnull=True),
                name="facilities_visit_once_on_site",
            ),
            models.CheckConstraint(
                condition=Q(checked_out_at__isnull=True)
                | Q(checked_out_at__gte=models.F("checked_in_at")),
                name="facilities_visit_out_after_in",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.checked_in_at:%Y-%m-%d %H:%M})"

    @property
    def on_site(self) -> bool:
        return self.checked_out_at is None

    @property
    def badge_outstanding(self) -> bool:
        return self.badge_id is not None and self.badge_returned_at is None
