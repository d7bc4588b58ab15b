from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SealClass(models.TextChoices):
    """ISO 17712 classification."""

    HIGH_SECURITY = "H", _("H: high security")
    SECURITY = "S", _("S: security")
    INDICATIVE = "I", _("I: indicative")


class SealStatus(models.TextChoices):
    IN_STOCK = "in_stock", _("In stock")
    ISSUED = "issued", _("Issued")
    APPLIED = "applied", _("Applied")
    COMPROMISED = "compromised", _("Compromised")
    REMOVED = "removed", pgettext_lazy("seal", "Removed")
    DESTROYED = "destroyed", _("Destroyed")
    VOIDED = "voided", _("Voided (lost or damaged)")


class SealEventKind(models.TextChoices):
    RECEIVED = "received", _("Received")
    ISSUED = "issued", _("Issued")
    RETURNED = "returned", _("Returned to stock")
    APPLIED = "applied", _("Applied")
    VERIFIED = "verified", _("VVTT verification")
    REMOVED = "removed", pgettext_lazy("seal", "Removed")
    DESTROYED = "destroyed", _("Destroyed")
    VOIDED = "voided", _("Voided")
    CUSTOMS_SEALED = "customs", _("Placed by customs (reconocimiento aduanero)")


class Checkpoint(models.TextChoices):
    LOADING = "loading", _("After loading (dock)")
    YARD_EXIT = "yard_exit", _("Yard exit")
    YARD_ENTRY = "yard_entry", _("Yard entry")
    CUSTOMS = "customs", _("Customs office (módulo)")
    BORDER = "border", _("Border crossing")
    TRANSIT = "transit", _("In transit")
    DESTINATION = "destination", _("Destination")


class RemovalReason(models.TextChoices):
    DESTINATION = "destination", _("Arrived at destination")
    CUSTOMS_INSPECTION = "customs_inspection", _("Opened for a customs inspection")
    REPLACED = "replaced", _("Replaced by another seal")
    DAMAGED = "damaged", _("Damaged or tampered")
    OTHER = "other", _("Other")


class VoidReason(models.TextChoices):
    LOST = "lost", pgettext_lazy("seal", "Lost")
    STOLEN = "stolen", pgettext_lazy("seal", "Stolen")
    DAMAGED = "damaged", _("Damaged before use")
    DEFECTIVE = "defective", _("Defective or wrong number from the manufacturer")


class DiscrepancyKind(models.TextChoices):
    NUMBER_MISMATCH = "number_mismatch", _("Number differs from the documents")
    TAMPERED = "tampered", _("Signs of tampering")
    BROKEN = "broken", _("Broken or loose seal")
    MISSING = "missing", _("Missing seal")
    DUPLICATED = "duplicated", _("Duplicated seal number")
    UNACCOUNTED = "unaccounted", _("Unaccounted seal")
    DOCUMENT_MISMATCH = "document_mismatch", _("Log and documents disagree")


class DiscrepancyStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("discrepancy status", "Open")
    CLOSED = "closed", pgettext_lazy("discrepancy status", "Closed")


class InspectionStatus(models.TextChoices):
    PASSED = "passed", _("Passed")
    HELD = "held", _("Held for supervisor")
    RELEASED = "released", _("Released by supervisor")
    REJECTED = "rejected", _("Rejected by supervisor")


class SupervisorDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Reviewed and accepted")
    RELEASED = "released", _("Unit released")
    REJECTED = "rejected", _("Unit rejected")


class ChecklistKey(models.TextChoices):
    """The inspection point lists in the standards catalog (data lives there). The E4 form's
    own list comes first: it is the default for operations in Mexico."""

    E4_TRANSPORT_UNIT = "e4-transport-unit", _("E4 tractor and trailer (NEEC 7.2)")
    CONTAINER_7 = "container-7", _("7-point container")
    REEFER_8 = "reefer-8", _("8-point reefer")
    TRACTOR_TRAILER_17 = "tractor-trailer-17", _("17-point tractor and trailer")


# Void reasons that mean the seal is out of our hands: it could reseal a tampered unit.
MISSING_VOID_REASONS = (VoidReason.LOST, VoidReason.STOLEN)

# Lists that inspect a trailer or box behind a tractor: its plates are required.
CHECKLISTS_WITH_TRAILER = (ChecklistKey.E4_TRANSPORT_UNIT, ChecklistKey.TRACTOR_TRAILER_17)


class ReplacementReason(models.TextChoices):
    FAILED_VERIFICATION = "failed_verification", _("Failed a VVTT verification")
    DAMAGED = "damaged", _("Damaged or broken")
    OPENED = "opened", _("Unit opened by the carrier or an authority")
    WRONG_NUMBER = "wrong_number", _("Wrong seal applied")
    OTHER = "other", _("Other")
