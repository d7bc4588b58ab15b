from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MediaKind(models.TextChoices):
    PAPER = "paper", _("Paper documents")
    HARD_DRIVE = "hard_drive", _("Hard drive")
    SOLID_STATE = "solid_state", _("Solid-state drive")
    USB = "usb", _("USB memory or memory card")
    OPTICAL = "optical", _("CD or DVD")
    PHONE = "phone", _("Phone or tablet")
    COMPUTER = "computer", _("Whole computer")
    TAPE = "tape", _("Backup tape")
    OTHER = "other", _("Other media")


class DisposalMethod(models.TextChoices):
    SHREDDING = "shredding", _("Cross-cut shredding")
    INCINERATION = "incineration", _("Incineration")
    PULPING = "pulping", _("Pulping")
    OVERWRITE = "overwrite", _("Overwriting (wiping) the whole medium")
    CRYPTO_ERASE = "crypto_erase", _("Cryptographic erase")
    DEGAUSSING = "degaussing", _("Degaussing")
    PHYSICAL = "physical", _("Physical destruction (drilling, crushing)")


class SystemKind(models.TextChoices):
    CLEARANCE = "clearance", _("Customs clearance software")
    VUCEM = "vucem", _("VUCEM access")
    ERP = "erp", _("ERP or accounting")
    EMAIL = "email", _("E-mail")
    FILES = "files", _("File server or cloud storage")
    RESGUARDO = "resguardo", _("Resguardo")
    OTHER = "other", _("Other system")


class BackupFrequency(models.TextChoices):
    NONE = "none", _("No backup")
    CONTINUOUS = "continuous", _("Continuous (replication)")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    PROVIDER = "provider", _("Handled by the provider")


class AccountStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DISABLED = "disabled", _("Disabled")
    REVOKED = "revoked", _("Revoked by a review")
    REMOVED = "removed", _("No longer in the system")


class ReviewStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("review status", "Open")
    SIGNED = "signed", pgettext_lazy("review status", "Signed")


class Decision(models.TextChoices):
    PENDING = "pending", _("Not decided")
    KEEP = "keep", _("Keep")
    REVOKE = "revoke", _("Revoke")


class RestoreResult(models.TextChoices):
    SUCCESS = "success", _("Restored completely")
    PARTIAL = "partial", _("Restored in part")
    FAILED = "failed", _("Failed")


class CredentialKind(models.TextChoices):
    EFIRMA = "efirma", _("e.firma (advanced electronic signature)")
    SELLO = "sello", _("Sello digital (digital seal certificate)")


class CredentialStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    REPLACED = "replaced", _("Replaced by a renewal")
    REVOKED = "revoked", _("Revoked")


class CredentialEventKind(models.TextChoices):
    USE = "use", _("Used")
    TRANSFER = "transfer", _("Handed to another custodian")
    CHECK = "check", _("Custody checked")
    RENEWAL = "renewal", _("Renewed")
    REVOCATION = "revocation", _("Revoked")


class CyberEventKind(models.TextChoices):
    PHISHING = "phishing", _("Phishing")
    MALWARE = "malware", _("Malware or ransomware")
    UNAUTHORIZED_ACCESS = "unauthorized_access", _("Unauthorized access to a system")
    ACCOUNT_COMPROMISE = "account_compromise", _("Compromised account or password")
    DATA_LEAK = "data_leak", _("Data leak")
    LOST_DEVICE = "lost_device", _("Lost or stolen device")
    DENIAL_OF_SERVICE = "denial_of_service", _("Service outage from an attack")
    OTHER = "other", _("Other cyber event")


class CyberEventStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("event status", "Open")
    CONTAINED = "contained", _("Contained")
    CLOSED = "closed", _("Closed")
