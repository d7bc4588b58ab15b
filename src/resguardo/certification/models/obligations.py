"""The dated obligations of a certified agency: the annual fee, avisos, authority requirements
and inspection visits, and the E4 profile as last filed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel

from ..choices import (
    AvisoKind,
    AvisoStatus,
    AvisoTrigger,
    RequestType,
    RequirementKind,
    RequirementStatus,
)


class AnnualFee(TenantModel):
    """The yearly fee of LFD art. 40 m): due on the grant's day and month. The amount is
    entered each year by an administrator (it changes yearly)."""

    certification = models.ForeignKey(
        "certification.Certification", on_delete=models.CASCADE, related_name="fees"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    due_on = models.DateField(_("due on"))
    amount = models.DecimalField(
        _("amount (MXN)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=80, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual fee")
        verbose_name_plural = _("annual fees")
        constraints = [
            models.UniqueConstraint(fields=["certification", "year"], name="cert_fee_one_per_year")
        ]

    def __str__(self):
        return f"{self.year}"

    def get_absolute_url(self):
        return reverse("certification:fee_detail", args=[self.pk])


class Aviso(TenantModel):
    """A notice to the authority: draft → filed (date, folio) → acknowledged (acuse)."""

    certification = models.ForeignKey(
        "certification.Certification",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="avisos",
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AvisoKind)
    trigger = models.CharField(
        _("reason"), max_length=30, choices=AvisoTrigger, default=AvisoTrigger.MANUAL
    )
    description = models.TextField(_("description"))
    # What proposed it ("core.site:12:opened", "incidents.incident:7"): one aviso per source.
    source_key = models.CharField(_("source"), max_length=120, blank=True)
    due_on = models.DateField(_("file by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AvisoStatus, default=AvisoStatus.DRAFT
    )
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    folio = models.CharField(_("folio"), max_length=80, blank=True)
    acknowledged_on = models.DateField(_("acuse date"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )

    class Meta:
        ordering = ["status", "due_on", "-pk"]
        verbose_name = _("aviso")
        verbose_name_plural = _("avisos")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "source_key"],
                condition=~Q(source_key=""),
                name="cert_aviso_one_per_source",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(filed_on__isnull=False) & ~Q(folio="")),
                name="cert_aviso_filed_has_date_folio",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status"], name="cert_aviso_org_status")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description[:60]}"

    def get_absolute_url(self):
        return reverse("certification:aviso_detail", args=[self.pk])


class ProfileFiling(TenantModel):
    """The E4 answers as filed (with an aviso or a renewal), to show what changed since."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    request_type = models.CharField(_("request type"), max_length=20, choices=RequestType)
    filed_on = models.DateField(_("filed on"))
    aviso = models.ForeignKey(
        Aviso, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("profile filing")
        verbose_name_plural = _("profile filings")

    def __str__(self):
        return f"{self.get_request_type_display()} {self.filed_on}"


class AuthorityRequirement(TenantModel):
    """A requirement from the authority or an inspection visit, with its answer."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=RequirementKind, default=RequirementKind.REQUIREMENT
    )
    reference = models.CharField(_("reference (oficio)"), max_length=120)
    authority = models.CharField(_("authority"), max_length=120, blank=True)
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
    )
    received_on = models.DateField(_("received on"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    description = models.TextField(_("what is asked or was found"))
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RequirementStatus, default=RequirementStatus.OPEN
    )

    class Meta:
        ordering = ["status", "deadline", "-received_on"]
        verbose_name = _("authority requirement")
        verbose_name_plural = _("authority requirements")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=models.F("received_on")),
                name="cert_requirement_deadline_after_received",
                violation_error_message=_("The deadline cannot come before the received date."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}"

    def get_absolute_url(self):
        return reverse("certification:requirement_detail", args=[self.pk])


class VisitFinding(TenantModel):
    """A finding of an inspection visit; each becomes a compliance action."""

    requirement = models.ForeignKey(
        AuthorityRequirement, on_delete=models.CASCADE, related_name="findings"
    )
    description = models.TextField(_("finding"))
    action = models.ForeignKey(
        "compliance.ActionItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("action"),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("visit finding")
        verbose_name_plural = _("visit findings")

    def __str__(self):
        return self.description[:80]
