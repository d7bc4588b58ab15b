"""Standard 9.1: the register of document types and the destruction and media-sanitization
log."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.compliance.choices import Classification
from resguardo.core.choices import Role
from resguardo.core.files.models import StoredFile
from resguardo.core.models.base import TenantModel

from ..choices import DisposalMethod, MediaKind


class DocumentType(TenantModel):
    """A kind of document the agency keeps (pedimento file, client encargo, payroll...), with
    the evidence vault's classification, how long it is kept and which roles may read it."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    classification = models.CharField(
        _("classification"),
        max_length=20,
        choices=Classification.choices,
        default=Classification.INTERNAL,
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention (years)"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    retention_basis = models.CharField(
        _("retention counted from"),
        max_length=160,
        blank=True,
        help_text=_("For example: the date of the pedimento, the end of the contract."),
    )
    storage_place = models.CharField(_("where it is kept"), max_length=160, blank=True)
    # core Role values; the service keeps confidential types away from site roles
    readers = models.JSONField(_("who may see it"), default=list)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="infosec_doctype_org_name_uniq"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def reader_labels(self) -> list[str]:
        return [str(Role(r).label) for r in self.readers if r in Role.values]


class DisposalRecord(TenantModel, StoredFile):
    """One destruction of documents or sanitization of a storage medium, with its witness and
    evidence (a certificate from the shredding company, a wipe report, a photo)."""

    performed_on = models.DateField(_("date"))
    document_type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disposals",
        verbose_name=_("document type"),
    )
    description = models.CharField(_("what was destroyed"), max_length=240)
    media = models.CharField(_("medium"), max_length=20, choices=MediaKind.choices)
    quantity = models.PositiveIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1)]
    )
    method = models.CharField(_("method"), max_length=20, choices=DisposalMethod.choices)
    performed_by = models.CharField(_("performed by"), max_length=160)
    witness = models.CharField(_("witness"), max_length=160)
    certificate_number = models.CharField(_("certificate number"), max_length=80, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-performed_on", "-pk"]
        verbose_name = _("destruction record")
        verbose_name_plural = _("destruction records")
        indexes = [
            models.Index(fields=["organization", "-performed_on"], name="infosec_disposal_org_date")
        ]

    def __str__(self):
        return f"{self.performed_on:%Y-%m-%d} {self.description}"
