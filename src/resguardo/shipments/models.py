from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.identifiers import format_container_number, format_pedimento
from resguardo.core.models import TenantModel

from .choices import (
    BadgeHolderKind,
    BadgeStatus,
    CheckResult,
    ContainerKind,
    DocumentCheckItem,
    DocumentKind,
    ImportFormat,
    Operation,
    ShipmentStatus,
    TransportMode,
)


class ShipmentImport(TenantModel):
    """One file of shipments imported at once (all rows or none)."""

    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("default site"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=4, choices=ImportFormat)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    row_count = models.PositiveIntegerField(_("rows"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("shipment import")
        verbose_name_plural = _("shipment imports")

    def __str__(self):
        return f"{self.file_name} ({self.row_count})"


class Shipment(TenantModel):
    """A customs operation the agency handles, identified by its pedimento."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    pedimento = models.CharField(_("pedimento"), max_length=15)
    aduana = models.ForeignKey(
        "core.Aduana",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("customs office"),
    )
    patente = models.ForeignKey(
        "core.Patente", on_delete=models.PROTECT, related_name="+", verbose_name=_("patente")
    )
    reference = models.CharField(
        _("internal reference"),
        max_length=40,
        blank=True,
        help_text=_("Your operation or traffic number."),
    )
    operation = models.CharField(_("operation"), max_length=10, choices=Operation)
    mode = models.CharField(_("transport mode"), max_length=12, choices=TransportMode)
    status = models.CharField(
        _("status"), max_length=12, choices=ShipmentStatus, default=ShipmentStatus.OPEN
    )
    client_name = models.CharField(_("client"), max_length=200)
    client_key = models.CharField(max_length=200, editable=False, blank=True)
    client_rfc = models.CharField(_("client RFC"), max_length=13, blank=True)
    carrier_name = models.CharField(_("carrier"), max_length=200, blank=True)
    driver_name = models.CharField(_("driver"), max_length=200, blank=True)
    driver_license = models.CharField(_("driver's licence"), max_length=40, blank=True)
    tractor_plates = models.CharField(_("tractor plates"), max_length=20, blank=True)
    trailer_number = models.CharField(_("trailer number"), max_length=20, blank=True)
    trailer_plates = models.CharField(_("trailer plates"), max_length=20, blank=True)
    document_seal_numbers = models.JSONField(
        _("seal numbers in the documents"),
        default=list,
        blank=True,
        help_text=_("As printed on the bill of lading, carta porte or pedimento."),
    )
    operation_date = models.DateField(_("operation date"))
    transmitted_at = models.DateTimeField(_("transmitted"), null=True, blank=True)
    cleared_at = models.DateTimeField(_("cleared"), null=True, blank=True)
    cancelled_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    documents_verified_at = models.DateTimeField(_("documents verified"), null=True, blank=True)
    documents_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("documents verified by"),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("created by"),
    )
    import_batch = models.ForeignKey(
        ShipmentImport,
        on_delete=models.PROTECT,
        related_name="shipments",
        null=True,
        blank=True,
        verbose_name=_("import"),
    )

    class Meta:
        ordering = ["-operation_date", "-id"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "pedimento"], name="shipment_pedimento_unique_in_org"
            ),
            models.CheckConstraint(
                condition=Q(pedimento__regex=r"^[0-9]{15}$"), name="shipment_pedimento_15_digits"
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "-operation_date", "-id"], name="shipment_org_date_idx"
            ),
            models.Index(
                fields=["organization", "status", "-operation_date", "-id"],
                name="shipment_org_status_idx",
            ),
            models.Index(
                fields=["organization", "site", "-operation_date", "-id"],
                name="shipment_org_site_idx",
            ),
            models.Index(
                fields=["organization", "aduana", "-operation_date", "-id"],
                name="shipment_org_aduana_idx",
            ),
            models.Index(fields=["organization", "reference"], name="shipment_org_ref_idx"),
            models.Index(fields=["organization", "client_key"], name="shipment_org_client_idx"),
        ]

    def __str__(self):
        return self.pedimento_display

    @property
    def pedimento_display(self) -> str:
        return format_pedimento(self.pedimento)

    @property
    def documents_verified(self) -> bool:
        return self.documents_verified_at is not None

    @property
    def is_editable(self) -> bool:
        return self.status in (ShipmentStatus.OPEN, ShipmentStatus.TRANSMITTED)


class ShipmentContainer(TenantModel):
    shipment = models.ForeignKey(
        Shipment,
        on_delete=models.CASCADE,
        related_name="containers",
        verbose_name=_("shipment"),
    )
    number = models.CharField(_("container number"), max_length=11)
    kind = models.CharField(
        _("kind"), max_length=12, choices=ContainerKind, default=ContainerKind.DRY
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("container")
        verbose_name_plural = _("containers")
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "number"], name="container_unique_in_shipment"
            ),
        ]
        indexes = [models.Index(fields=["organization", "number"], name="container_org_num_idx")]

    def __str__(self):
        return format_container_number(self.number)

    @property
    def display(self) -> str:
        return format_container_number(self.number)


class ShipmentDocument(TenantModel, StoredFile):
    """A document of the shipment, kept as evidence. Files are never replaced: a corrected
    document is a new row."""

    shipment = models.ForeignKey(
        Shipment, on_delete=models.PROTECT, related_name="documents", verbose_name=_("shipment")
    )
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind)
    number = models.CharField(_("number or folio"), max_length=80, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "created_at"]
        verbose_name = _("shipment document")
        verbose_name_plural = _("shipment documents")

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}".strip()


class DocumentCheck(TenantModel):
    """One line of the verification run before the pedimento is transmitted."""

    shipment = models.ForeignKey(
        Shipment,
        on_delete=models.CASCADE,
        related_name="document_checks",
        verbose_name=_("shipment"),
    )
    item = models.CharField(_("check"), max_length=30, choices=DocumentCheckItem)
    result = models.CharField(_("result"), max_length=6, choices=CheckResult)
    note = models.CharField(_("note"), max_length=300, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(_("checked"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("document check")
        verbose_name_plural = _("document checks")
        constraints = [
            models.UniqueConstraint(fields=["shipment", "item"], name="document_check_unique"),
        ]

    def __str__(self):
        return f"{self.shipment}: {self.get_item_display()} = {self.get_result_display()}"


class CustomsBadge(TenantModel):
    """An official badge (gafete) the customs office issues to the agency's people."""

    holder_name = models.CharField(_("holder"), max_length=200)
    holder_kind = models.CharField(_("holder is"), max_length=12, choices=BadgeHolderKind)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("user account"),
    )
    aduana = models.ForeignKey(
        "core.Aduana",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("customs office"),
    )
    badge_number = models.CharField(_("badge number"), max_length=40)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=10, choices=BadgeStatus, default=BadgeStatus.ACTIVE
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        ordering = ["expires_on", "holder_name"]
        verbose_name = _("customs badge")
        verbose_name_plural = _("customs badges")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "aduana", "badge_number"],
                name="customs_badge_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="customs_badge_expires_after_issue",
            ),
        ]

    def __str__(self):
        return f"{self.badge_number} {self.holder_name}"
