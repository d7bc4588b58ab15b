"""The organization's own certification: the record, its renewals, representatives and files."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models import TenantModel

from ..choices import (
    CertificationStatus,
    DocumentKind,
    Modality,
    Program,
    RenewalStatus,
    RepresentativeRole,
)


class Certification(TenantModel):
    """The registration granted by the authority: organization-wide, or for one facility
    when the E4 profile is filed per facility."""

    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
        help_text=_("Leave empty when the certification covers the whole organization."),
    )
    program = models.CharField(
        _("program"), max_length=20, choices=Program, default=Program.NEEC_OEA
    )
    modality = models.CharField(
        _("modality"), max_length=20, choices=Modality, default=Modality.CUSTOMS_AGENT
    )
    resolution_number = models.CharField(_("resolution number (oficio)"), max_length=80, blank=True)
    granted_on = models.DateField(_("granted on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CertificationStatus,
        default=CertificationStatus.IN_PROCESS,
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["site__name"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(granted_on__isnull=True)
                | Q(expires_on__gt=F("granted_on")),
                name="cert_expiry_after_grant",
                violation_error_message=_("The expiry date must come after the grant date."),
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(site__isnull=True),
                name="cert_one_per_organization",
            ),
            models.UniqueConstraint(
                fields=["organization", "site"],
                condition=Q(site__isnull=False),
                name="cert_one_per_facility",
            ),
        ]

    def __str__(self):
        scope = self.site.name if self.site_id else _("Organization-wide")
        return f"{self.get_modality_display()} · {scope}"

    def get_absolute_url(self):
        return reverse("certification:certification_detail", args=[self.pk])


class Renewal(TenantModel):
    """One renewal: filed with its folio, then acknowledged with the acuse and the new term."""

    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="renewals"
    )
    filed_on = models.DateField(_("filed on"))
    folio = models.CharField(_("folio"), max_length=80)
    previous_expires_on = models.DateField(_("previous expiry"), null=True, blank=True)
    acknowledged_on = models.DateField(_("acuse date"), null=True, blank=True)
    new_expires_on = models.DateField(_("new expiry"), null=True, blank=True)
    resolution_number = models.CharField(_("resolution number (oficio)"), max_length=80, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RenewalStatus, default=RenewalStatus.FILED
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-filed_on", "-pk"]
        verbose_name = _("renewal")
        verbose_name_plural = _("renewals")

    def __str__(self):
        return f"{self.folio} ({self.filed_on})"


class Representative(TenantModel):
    """A legal representative or mandatario whose RFC is screened against the SAT lists."""

    full_name = models.CharField(_("full name"), max_length=200)
    rfc = models.CharField(_("RFC"), max_length=13)
    role = models.CharField(_("role"), max_length=30, choices=RepresentativeRole)
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)

    class Meta:
        ordering = ["role", "full_name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "rfc", "role"],
                condition=Q(removed_on__isnull=True),
                name="cert_representative_active_unique",
            )
        ]

    def __str__(self):
        return f"{self.full_name} ({self.rfc})"

    @property
    def is_active(self) -> bool:
        return self.removed_on is None


class CertificationDocument(TenantModel, StoredFile):
    """A stored file of the certification: the resolution, an acuse, a receipt, evidence of an
    answer. It names the record it belongs to."""

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind)
    title = models.CharField(_("title"), max_length=200, blank=True)
    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    renewal = models.ForeignKey(
        Renewal, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    fee = models.ForeignKey(
        "certification.AnnualFee",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    aviso = models.ForeignKey(
        "certification.Aviso",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    requirement = models.ForeignKey(
        "certification.AuthorityRequirement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    prerequisite = models.ForeignKey(
        "certification.Prerequisite",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certification document")
        verbose_name_plural = _("certification documents")

    def __str__(self):
        return self.title or self.original_name

    def get_absolute_url(self):
        return reverse("certification:document_download", args=[self.pk])
