from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models import TenantModel

from ..choices import (
    Checkpoint,
    DiscrepancyKind,
    DiscrepancyStatus,
    RemovalReason,
    ReplacementReason,
    SealClass,
    SealEventKind,
    SealStatus,
    VoidReason,
)

USER = settings.AUTH_USER_MODEL


class SealLot(TenantModel):
    """A batch of numbered seals received from one manufacturer."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    manufacturer = models.CharField(_("manufacturer"), max_length=120)
    manufacturer_key = models.CharField(max_length=120, editable=False)
    iso_class = models.CharField(_("ISO 17712 class"), max_length=1, choices=SealClass)
    prefix = models.CharField(_("prefix"), max_length=10, blank=True)
    first_number = models.PositiveBigIntegerField(_("first number"))
    last_number = models.PositiveBigIntegerField(_("last number"))
    digits = models.PositiveSmallIntegerField(_("digits"))
    received_on = models.DateField(_("received on"))
    received_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("received by")
    )
    storage_place = models.CharField(_("storage place"), max_length=200)
    certificate = models.CharField(_("ISO 17712 certificate"), max_length=120, blank=True)
    purchase_order = models.CharField(_("purchase order"), max_length=60, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("seal lot")
        verbose_name_plural = _("seal lots")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_number__gte=F("first_number")), name="seal_lot_range_ordered"
            ),
            models.UniqueConstraint(
                fields=["organization", "manufacturer_key", "prefix", "first_number"],
                name="seal_lot_start_unique",
            ),
        ]

    def __str__(self):
        return f"{self.manufacturer} {self.first_label}–{self.last_label}"

    def label(self, number: int) -> str:
        return f"{self.prefix}{number:0{self.digits}d}"

    @property
    def first_label(self) -> str:
        return self.label(self.first_number)

    @property
    def last_label(self) -> str:
        return self.label(self.last_number)

    @property
    def size(self) -> int:
        return self.last_number - self.first_number + 1


class Seal(TenantModel):
    """One numbered seal and where it stands now; its history is in SealEvent."""

    lot = models.ForeignKey(
        SealLot,
        on_delete=models.PROTECT,
        related_name="seals",
        null=True,
        blank=True,
        verbose_name=_("lot"),
        help_text=_("Empty for a seal placed by customs: it is not in our inventory."),
    )
    placed_by_customs = models.BooleanField(_("placed by customs"), default=False)
    number = models.CharField(_("seal number"), max_length=30)
    manufacturer_key = models.CharField(max_length=120, editable=False)
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SealStatus, default=SealStatus.IN_STOCK
    )
    holder = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("issued to"),
    )
    holder_name = models.CharField(_("issued to"), max_length=200, blank=True)
    shipment = models.ForeignKey(
        "shipments.Shipment",
        on_delete=models.PROTECT,
        related_name="seals",
        null=True,
        blank=True,
        verbose_name=_("shipment"),
    )
    container = models.ForeignKey(
        "shipments.ShipmentContainer",
        on_delete=models.PROTECT,
        related_name="seals",
        null=True,
        blank=True,
        verbose_name=_("container"),
    )
    unit_number = models.CharField(_("container or trailer"), max_length=20, blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    last_event_at = models.DateTimeField(_("last event"), null=True, blank=True)
    event_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("seal")
        verbose_name_plural = _("seals")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "manufacturer_key", "number"],
                name="seal_number_unique_per_manufacturer",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "number"], name="seal_org_number_idx"),
            models.Index(fields=["organization", "status", "site"], name="seal_org_status_idx"),
        ]

    def __str__(self):
        return self.number


class SealEvent(TenantModel, StoredFile):
    """One step in a seal's chain of custody. Append-only: never edited or deleted.
    The photo taken at the step, when there is one, is the stored file."""

    seal = models.ForeignKey(
        Seal, on_delete=models.PROTECT, related_name="events", verbose_name=_("seal")
    )
    sequence = models.PositiveIntegerField(_("step"))
    kind = models.CharField(_("event"), max_length=10, choices=SealEventKind)
    occurred_at = models.DateTimeField(_("when"))
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    checkpoint = models.CharField(_("checkpoint"), max_length=12, choices=Checkpoint, blank=True)
    person = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("person"),
    )
    person_name = models.CharField(_("person"), max_length=200, blank=True)
    shipment = models.ForeignKey(
        "shipments.Shipment",
        on_delete=models.PROTECT,
        related_name="seal_events",
        null=True,
        blank=True,
        verbose_name=_("shipment"),
    )
    container = models.ForeignKey(
        "shipments.ShipmentContainer",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("container"),
    )
    unit_number = models.CharField(_("container or trailer"), max_length=20, blank=True)
    view_ok = models.BooleanField(_("view: seal and locks intact"), null=True, blank=True)
    verify_ok = models.BooleanField(_("verify: number matches documents"), null=True, blank=True)
    tug_ok = models.BooleanField(_("tug: seal holds"), null=True, blank=True)
    twist_ok = models.BooleanField(_("twist: seal does not turn or unscrew"), null=True, blank=True)
    number_read = models.CharField(_("number read on the seal"), max_length=30, blank=True)
    removal_reason = models.CharField(_("reason"), max_length=20, choices=RemovalReason, blank=True)
    void_reason = models.CharField(_("reason"), max_length=10, choices=VoidReason, blank=True)
    replacement_reason = models.CharField(
        _("reason for the replacement"), max_length=20, choices=ReplacementReason, blank=True
    )
    related_seal = models.ForeignKey(
        "Seal",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("related seal"),
        help_text=_("The seal that replaced this one, or the one this seal replaced."),
    )
    document_number = models.CharField(
        _("act or document number"),
        max_length=60,
        blank=True,
        help_text=_("The customs act of the reconocimiento aduanero."),
    )
    witness = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("witness"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["seal_id", "sequence"]
        verbose_name = _("seal event")
        verbose_name_plural = _("seal events")
        constraints = [
            models.UniqueConstraint(fields=["seal", "sequence"], name="seal_event_sequence_unique"),
        ]
        indexes = [
            models.Index(fields=["organization", "occurred_at"], name="seal_event_org_when_idx"),
            # A seal's or a shipment's events in time order (history, log filtered by either).
            models.Index(fields=["seal", "occurred_at"], name="seal_event_seal_when_idx"),
            models.Index(fields=["shipment", "occurred_at"], name="seal_event_shipment_idx"),
        ]

    def __str__(self):
        return f"{self.seal} #{self.sequence} {self.get_kind_display()}"

    @property
    def vvtt(self) -> list[tuple[str, bool | None]]:
        return [
            ("view", self.view_ok),
            ("verify", self.verify_ok),
            ("tug", self.tug_ok),
            ("twist", self.twist_ok),
        ]

    @property
    def is_failed_verification(self) -> bool:
        return self.kind == SealEventKind.VERIFIED and not all(ok for _k, ok in self.vvtt)


class SealAudit(TenantModel):
    """A reconciliation of the physical count, the seal log and the shipment documents."""

    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    performed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("performed by")
    )
    performed_at = models.DateTimeField(_("performed"))
    period_start = models.DateField(_("documents reconciled since"))
    counted_numbers = models.JSONField(_("seal numbers counted"), default=list, blank=True)
    expected_in_stock = models.PositiveIntegerField(_("in stock according to the log"))
    counted = models.PositiveIntegerField(_("counted"))
    missing_count = models.PositiveIntegerField(_("missing"), default=0)
    duplicated_count = models.PositiveIntegerField(_("duplicated"), default=0)
    unaccounted_count = models.PositiveIntegerField(_("unaccounted"), default=0)
    mismatch_count = models.PositiveIntegerField(_("log and documents disagree"), default=0)
    lost_count = models.PositiveIntegerField(_("reported lost or stolen"), default=0)
    lost_numbers = models.JSONField(
        _("seals reported lost or stolen in the period"), default=list, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-performed_at"]
        verbose_name = _("seal audit")
        verbose_name_plural = _("seal audits")
        indexes = [
            models.Index(fields=["organization", "-performed_at"], name="seal_audit_org_idx")
        ]

    def __str__(self):
        return f"{self.site} {self.performed_at:%Y-%m-%d}"

    @property
    def finding_count(self) -> int:
        return (
            self.missing_count
            + self.duplicated_count
            + self.unaccounted_count
            + self.mismatch_count
        )


class SealDiscrepancy(TenantModel):
    """A mismatch in the chain of custody. Published as SealDiscrepancyRecorded."""

    seal = models.ForeignKey(
        Seal,
        on_delete=models.PROTECT,
        related_name="discrepancies",
        null=True,
        blank=True,
        verbose_name=_("seal"),
    )
    seal_number = models.CharField(_("seal number"), max_length=30)
    shipment = models.ForeignKey(
        "shipments.Shipment",
        on_delete=models.PROTECT,
        related_name="seal_discrepancies",
        null=True,
        blank=True,
        verbose_name=_("shipment"),
    )
    event = models.ForeignKey(
        SealEvent,
        on_delete=models.PROTECT,
        related_name="discrepancies",
        null=True,
        blank=True,
        verbose_name=_("seal event"),
    )
    audit = models.ForeignKey(
        SealAudit,
        on_delete=models.PROTECT,
        related_name="discrepancies",
        null=True,
        blank=True,
        verbose_name=_("seal audit"),
    )
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DiscrepancyKind)
    description = models.TextField(_("description"))
    occurred_at = models.DateTimeField(_("when"))
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    status = models.CharField(
        _("status"), max_length=6, choices=DiscrepancyStatus, default=DiscrepancyStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("closed by"),
    )
    resolution = models.TextField(_("resolution"), blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("seal discrepancy")
        verbose_name_plural = _("seal discrepancies")
        indexes = [
            models.Index(fields=["organization", "-occurred_at"], name="seal_discr_org_when_idx")
        ]

    def __str__(self):
        return f"{self.seal_number}: {self.get_kind_display()}"


class SealAuditFinding(TenantModel):
    audit = models.ForeignKey(
        SealAudit, on_delete=models.CASCADE, related_name="findings", verbose_name=_("audit")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DiscrepancyKind)
    seal = models.ForeignKey(
        Seal,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("seal"),
    )
    seal_number = models.CharField(_("seal number"), max_length=30)
    shipment = models.ForeignKey(
        "shipments.Shipment",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("shipment"),
    )
    description = models.TextField(_("description"))
    discrepancy = models.ForeignKey(
        SealDiscrepancy,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("discrepancy"),
    )

    class Meta:
        ordering = ["kind", "seal_number"]
        verbose_name = _("seal audit finding")
        verbose_name_plural = _("seal audit findings")

    def __str__(self):
        return f"{self.seal_number}: {self.get_kind_display()}"
