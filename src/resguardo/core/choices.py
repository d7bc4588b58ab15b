from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganizationKind(models.TextChoices):
    CUSTOMS_AGENCY = "customs_agency", _("Customs agency")
    CERTIFIED_COMPANY = "certified_company", _("Certified company")


class SiteKind(models.TextChoices):
    OFFICE = "office", _("Office")
    YARD = "yard", _("Yard (patio)")
    WAREHOUSE = "warehouse", _("Warehouse")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COMPLIANCE = "compliance", _("Compliance officer")
    SITE_MANAGER = "site_manager", _("Site manager")
    STAFF = "staff", _("Staff")
    AUDITOR = "auditor", _("Auditor (read-only)")


class AuditAction(models.TextChoices):
    # A context: other installed apps translate a bare "Created" as a date column.
    CREATE = "create", pgettext_lazy("audit action", "Created")
    UPDATE = "update", pgettext_lazy("audit action", "Updated")
    DELETE = "delete", pgettext_lazy("audit action", "Deleted")
    # a read of a confidential record (a personnel file, an export of them): nothing changed
    READ = "read", pgettext_lazy("audit action", "Viewed")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
