from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Operation(models.TextChoices):
    IMPORT = "import", pgettext_lazy("customs operation", "Import")
    EXPORT = "export", pgettext_lazy("customs operation", "Export")
    TRANSIT = "transit", pgettext_lazy("customs operation", "Transit")


class TransportMode(models.TextChoices):
    ROAD = "road", _("Road")
    RAIL = "rail", _("Rail")
    SEA = "sea", _("Sea")
    AIR = "air", _("Air")
    MULTIMODAL = "multimodal", _("Multimodal")


class ShipmentStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("shipment status", "Open")
    TRANSMITTED = "transmitted", pgettext_lazy("shipment status", "Transmitted")
    CLEARED = "cleared", pgettext_lazy("shipment status", "Cleared")
    CANCELLED = "cancelled", pgettext_lazy("shipment status", "Cancelled")


class ContainerKind(models.TextChoices):
    DRY = "dry", _("Dry container")
    REEFER = "reefer", _("Refrigerated container (reefer)")
    TANK = "tank", _("Tank container")
    OPEN_TOP = "open_top", _("Open top")
    FLAT_RACK = "flat_rack", _("Flat rack")


class DocumentKind(models.TextChoices):
    COMMERCIAL_INVOICE = "invoice", _("Commercial invoice")
    PACKING_LIST = "packing_list", _("Packing list")
    BILL_OF_LADING = "bill_of_lading", _("Bill of lading")
    AIR_WAYBILL = "air_waybill", _("Air waybill")
    CARTA_PORTE = "carta_porte", _("Carta porte (CFDI with transport supplement)")
    COVE = "cove", _("Value document (COVE)")
    CERTIFICATE_OF_ORIGIN = "origin", _("Certificate of origin")
    PERMIT = "permit", _("Permit or non-tariff requirement")
    PEDIMENTO = "pedimento", _("Pedimento (printed)")
    OTHER = "other", _("Other")


class DocumentCheckItem(models.TextChoices):
    """The verification an agency runs before it transmits (validates) a pedimento."""

    DOCUMENTS_RECEIVED = (
        "documents_received",
        _(
            "Invoices, packing list and transport document (bill of lading, air waybill or carta "
            "porte) received and legible"
        ),
    )
    CLIENT_IDENTITY = (
        "client_identity",
        _("Importer or exporter matches the client's file (RFC, importers' register, mandate)"),
    )
    CLASSIFICATION = (
        "classification",
        _("Tariff classification checked against the technical sheet"),
    )
    VALUE = "value", _("Customs value, invoice amounts and COVE checked")
    NON_TARIFF = "non_tariff", _("Non-tariff requirements (permits, NOMs) covered")
    DUTIES = "duties", _("Duties and taxes calculated and reviewed")
    TRANSPORT_DATA = (
        "transport_data",
        _("Container, trailer, plates and seal numbers match the transport documents"),
    )


class CheckResult(models.TextChoices):
    OK = "ok", _("Checked, correct")
    ISSUE = "issue", _("Problem found")
    NOT_APPLICABLE = "na", _("Not applicable")


class BadgeHolderKind(models.TextChoices):
    MANDATARIO = "mandatario", _("Mandatario (agent's representative)")
    DEPENDIENTE = "dependiente", _("Dependiente (employee)")
    AUXILIAR = "auxiliar", _("Auxiliary")
    OTHER = "other", _("Other")


class BadgeStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("badge status", "Active")
    RETURNED = "returned", pgettext_lazy("badge status", "Returned")
    CANCELLED = "cancelled", pgettext_lazy("badge status", "Cancelled")
    LOST = "lost", pgettext_lazy("badge status", "Lost or stolen")


class ImportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
