"""The partner registry: partners, their addresses, contacts, documents and certifications."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models import TenantModel
from resguardo.core.validators import (
    GENERIC_RFC_FOREIGN,
    normalize_rfc,
    rfc_check_digit,
    rfc_check_digit_ok,
)

from ..choices import (
    AddressKind,
    CertificationProgram,
    CertificationStatus,
    CtpatTier,
    DocumentKind,
    OeaModality,
    PartnerKind,
    PartnerStatus,
    RiskLevel,
)

DEFAULT_CERTIFICATION_KINDS = [
    PartnerKind.CARRIER.value,
    PartnerKind.WAREHOUSE.value,
    PartnerKind.CORRESPONDENT.value,
    PartnerKind.CUSTOMS_AGENT.value,
]


def _default_certification_kinds():
    return list(DEFAULT_CERTIFICATION_KINDS)


class PartnerPolicy(TenantModel):
    """How often partners are reviewed and screened, set by each organization."""

    review_months_high = models.PositiveSmallIntegerField(
        _("review every (months) when risk is high"), default=6
    )
    review_months_medium = models.PositiveSmallIntegerField(
        _("review every (months) when risk is medium"), default=12
    )
    review_months_low = models.PositiveSmallIntegerField(
        _("review every (months) when risk is low"), default=24
    )
    certification_required_kinds = models.JSONField(
        _("partner types that must hold a certification"),
        default=_default_certification_kinds,
        blank=True,
    )
    certification_warning_days = models.PositiveSmallIntegerField(
        _("warn this many days before a certification expires"), default=60
    )
    questionnaire_valid_days = models.PositiveSmallIntegerField(
        _("questionnaire links expire after (days)"), default=21
    )
    reminder_interval_days = models.PositiveSmallIntegerField(
        _("remind unanswered questionnaires every (days)"), default=5
    )
    max_reminders = models.PositiveSmallIntegerField(_("reminders at most"), default=3)
    name_match_threshold = models.PositiveSmallIntegerField(
        _("name similarity that raises a hit (80-100)"), default=88
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="partner_policy_one_per_org"),
            models.CheckConstraint(
                condition=Q(name_match_threshold__gte=80) & Q(name_match_threshold__lte=100),
                name="partner_policy_threshold_range",
            ),
        ]
        verbose_name = _("partner policy")
        verbose_name_plural = _("partner policies")

    def __str__(self):
        return str(_("Partner policy"))

    def review_months(self, level: str) -> int:
        return {
            RiskLevel.HIGH: self.review_months_high,
            RiskLevel.MEDIUM: self.review_months_medium,
        }.get(level, self.review_months_low)


class Partner(TenantModel):
    kind = models.CharField(_("type"), max_length=20, choices=PartnerKind)
    legal_name = models.CharField(_("legal name"), max_length=250)
    trade_name = models.CharField(_("trade name"), max_length=250, blank=True)
    rfc = models.CharField(_("RFC"), max_length=13, blank=True, db_index=True)
    tax_id = models.CharField(_("foreign tax id"), max_length=40, blank=True)
    country = models.CharField(_("country"), max_length=2, default="MX")
    status = models.CharField(
        _("status"), max_length=20, choices=PartnerStatus, default=PartnerStatus.ACTIVE
    )
    since = models.DateField(_("partner since"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    risk_level = models.CharField(
        _("computed risk"), max_length=10, choices=RiskLevel, default=RiskLevel.MEDIUM
    )
    risk_score = models.PositiveSmallIntegerField(_("risk score"), default=0)
    risk_factors = models.JSONField(_("risk explanation"), default=list, blank=True)
    risk_override = models.CharField(
        _("risk set by the compliance officer"), max_length=10, choices=RiskLevel, blank=True
    )
    risk_override_reason = models.TextField(_("reason for the risk set by hand"), blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    last_screened_at = models.DateTimeField(_("last screened"), null=True, blank=True)
    blocked_at = models.DateTimeField(_("blocked since"), null=True, blank=True)
    status_before_block = models.CharField(max_length=20, choices=PartnerStatus, blank=True)

    class Meta:
        ordering = ["legal_name"]
        constraints = [
            # The SAT's generic RFC for foreign residents is shared by many foreign partners
            # (each told apart by its foreign tax id).
            models.UniqueConstraint(
                fields=["organization", "rfc"],
                condition=~Q(rfc="") & ~Q(rfc=GENERIC_RFC_FOREIGN),
                name="partner_rfc_unique_in_org",
            ),
            models.UniqueConstraint(
                fields=["organization", "country", "tax_id"],
                condition=~Q(tax_id=""),
                name="partner_tax_id_unique_in_org",
            ),
            models.CheckConstraint(
                condition=~Q(rfc="") | ~Q(tax_id=""), name="partner_has_tax_identifier"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status"], name="partner_org_status"),
            models.Index(fields=["organization", "next_review_due"], name="partner_org_review_due"),
        ]
        verbose_name = _("business partner")
        verbose_name_plural = _("business partners")

    def __str__(self):
        return self.legal_name

    @property
    def effective_risk(self) -> str:
        return self.risk_override or self.risk_level

    def get_effective_risk_display(self) -> str:
        return str(RiskLevel(self.effective_risk).label)

    @property
    def is_blocked(self) -> bool:
        return self.status == PartnerStatus.BLOCKED

    @property
    def rfc_warning(self) -> str:
        """A wrong check digit is common in real RFCs: warn, never refuse."""
        rfc = normalize_rfc(self.rfc)
        if rfc == GENERIC_RFC_FOREIGN:
            return _(
                "XEXX010101000 is the SAT's generic RFC for foreign residents: this partner is "
                "identified by its foreign tax id, and is not looked up by RFC on the SAT lists."
            )
        if rfc and not rfc_check_digit_ok(rfc):
            return _("The RFC check digit does not match (expected %(digit)s). Check it.") % {
                "digit": rfc_check_digit(rfc)
            }
        return ""

    @property
    def review_overdue(self) -> bool:
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()

    @property
    def tax_identifier(self) -> str:
        if self.rfc == GENERIC_RFC_FOREIGN:
            return f"{self.rfc} · {self.tax_id} ({self.country})"
        return self.rfc or f"{self.tax_id} ({self.country})"


class PartnerAddress(TenantModel):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("partner")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AddressKind, default=AddressKind.FISCAL
    )
    street = models.CharField(_("street and number"), max_length=250)
    neighborhood = models.CharField(_("neighborhood (colonia)"), max_length=120, blank=True)
    city = models.CharField(_("city or municipality"), max_length=120)
    state = models.CharField(_("state"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
    country = models.CharField(_("country"), max_length=2, default="MX")

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("partner address")
        verbose_name_plural = _("partner addresses")

    def __str__(self):
        parts = [self.street, self.neighborhood, self.city, self.state, self.postal_code]
        return ", ".join(p for p in parts if p)


class PartnerContact(TenantModel):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_security_contact = models.BooleanField(_("security contact"), default=False)

    class Meta:
        ordering = ["-is_security_contact", "name"]
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")

    def __str__(self):
        return self.name


def partner_document_path(instance, filename):
    """Named by the first migrations; new files are named by StoredFile.stored_file_name."""
    folder = f"partners/{instance.organization_id}/{instance.partner_id}"
    return f"{folder}/{instance.sha256[:16]}-{filename}"


class PartnerDocument(TenantModel, StoredFile):
    """A file kept in the partner's file. Never overwritten: a new version is a new row."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="documents", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind)
    title = models.CharField(_("title"), max_length=200)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    questionnaire = models.ForeignKey(
        "partners.Questionnaire",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("questionnaire"),
    )
    question_code = models.CharField(_("question"), max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner document")
        verbose_name_plural = _("partner documents")

    def __str__(self):
        return self.title

    @property
    def uploaded_by_partner(self) -> bool:
        return self.questionnaire_id is not None and self.uploaded_by_id is None

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < timezone.localdate()


class Certification(TenantModel):
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="certifications",
        verbose_name=_("partner"),
    )
    program = models.CharField(_("program"), max_length=20, choices=CertificationProgram)
    modality = models.CharField(_("OEA modality"), max_length=30, choices=OeaModality, blank=True)
    ctpat_tier = models.CharField(_("C-TPAT tier"), max_length=1, choices=CtpatTier, blank=True)
    svi_number = models.CharField(_("SVI number"), max_length=40, blank=True)
    country = models.CharField(_("granting country"), max_length=2, blank=True)
    certificate_number = models.CharField(
        _("certificate or resolution number"), max_length=80, blank=True
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    last_verified_on = models.DateField(
        _("status last verified on"),
        null=True,
        blank=True,
        help_text=_("When you last checked the status with the authority (SAT, SVI portal)."),
    )
    document = models.ForeignKey(
        PartnerDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("certificate copy"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["program", "-valid_until"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self):
        return f"{self.get_program_display()} {self.certificate_number or self.svi_number}".strip()

    def status_on(self, day: datetime.date, warning_days: int = 60) -> str:
        if self.valid_until is not None:
            if self.valid_until < day:
                return CertificationStatus.EXPIRED
            if self.valid_until <= day + datetime.timedelta(days=warning_days):
                return CertificationStatus.EXPIRING
            return CertificationStatus.VALID
        # No expiry (C-TPAT): valid while someone keeps checking its status.
        if self.last_verified_on and self.last_verified_on >= day - datetime.timedelta(days=365):
            return CertificationStatus.VALID
        return CertificationStatus.UNVERIFIED

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return str(CertificationStatus(self.status).label)

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.status_on(day, 0) in (CertificationStatus.VALID, CertificationStatus.EXPIRING)
