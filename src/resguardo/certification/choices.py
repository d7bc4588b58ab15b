from django.db import models
from django.utils.translation import gettext_lazy as _


class Program(models.TextChoices):
    NEEC_OEA = "neec_oea", _("Certified Companies Scheme (NEEC / OEA, RGCE Title 7)")


class Modality(models.TextChoices):
    OEA = "oea", _("Authorized Economic Operator (OEA)")
    SECURITY = "security", _("Security (certified trade partner)")
    CUSTOMS_AGENT = "customs_agent", _("Customs agent (rule 7.1.5)")


class CertificationStatus(models.TextChoices):
    IN_PROCESS = "in_process", _("In process")
    GRANTED = "granted", _("Granted")
    RENEWAL_FILED = "renewal_filed", _("Renewal filed")
    REQUIREMENT_OPEN = "requirement_open", _("Requirement open")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")


# A certification in these states has a term running (fees and avisos fall due).
ACTIVE_STATUSES = frozenset(
    {
        CertificationStatus.GRANTED,
        CertificationStatus.RENEWAL_FILED,
        CertificationStatus.REQUIREMENT_OPEN,
    }
)


class RenewalStatus(models.TextChoices):
    FILED = "filed", _("Filed, awaiting the acuse")
    RENEWED = "renewed", _("Renewed")


class DocumentKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution (oficio)")
    RENEWAL_ACUSE = "renewal_acuse", _("Renewal acuse")
    AVISO_ACUSE = "aviso_acuse", _("Aviso acuse")
    FEE_RECEIPT = "fee_receipt", _("Fee payment receipt")
    REQUIREMENT = "requirement", _("Requirement or visit document")
    ANSWER = "answer", _("Answer evidence")
    PREREQUISITE = "prerequisite", _("Prerequisite document")
    OTHER = "other", _("Other")


class RepresentativeRole(models.TextChoices):
    LEGAL_REPRESENTATIVE = "legal_representative", _("Legal representative")
    MANDATARIO = "mandatario", _("Mandatario")


class PrerequisiteKind(models.TextChoices):
    PATENTE = "patente", _("Patente active")
    OPINION_32D = "opinion_32d", _("Opinión de cumplimiento (CFF 32-D) positive")
    EFIRMA = "efirma", _("e.firma valid")
    SELLOS = "sellos", _("Sellos digitales (CSD) valid")
    BUZON = "buzon", _("Buzón tributario enabled")


class PrerequisiteState(models.TextChoices):
    MET = "met", _("Met")
    EXPIRING = "expiring", _("Expiring soon")
    UNMET = "unmet", _("Not met")
    UNKNOWN = "unknown", _("Not recorded")


class ListingTrigger(models.TextChoices):
    LIST_UPDATE = "list_update", _("New list version")
    PEOPLE_CHANGED = "people_changed", _("Representatives changed")
    MANUAL = "manual", _("Checked by hand")


class AvisoKind(models.TextChoices):
    PROFILE_UPDATE = "profile_update", _("Yearly profile update")
    CHANGE = "change", _("Change aviso (rule 7.2.1)")
    INCIDENT = "incident", _("Security incident aviso")
    FEE_PAYMENT = "fee_payment", _("Annual fee payment aviso")
    OTHER = "other", _("Other aviso")


class AvisoTrigger(models.TextChoices):
    SITE_OPENED = "site_opened", _("A site was opened")
    SITE_CLOSED = "site_closed", _("A site was closed")
    REPRESENTATIVE_ADDED = "representative_added", _("A legal representative was added")
    REPRESENTATIVE_REMOVED = "representative_removed", _("A legal representative was removed")
    MANDATARIO_ADDED = "mandatario_added", _("A mandatario was added")
    MANDATARIO_REMOVED = "mandatario_removed", _("A mandatario was removed")
    PREMISES = "premises", _("Change in the right to use the premises")
    LINKED_COMPANY = "linked_company", _("Linked companies changed")
    INCIDENT = "incident", _("Security incident")
    MANUAL = "manual", _("Entered by hand")


class AvisoStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FILED = "filed", _("Filed")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")


class RequestType(models.TextChoices):
    FIRST = "primera_vez", _("Primera vez (first application)")
    RENEWAL = "renovacion", _("Renovación (renewal)")
    MODIFICATION = "modificacion", _("Modificación (profile change)")


class RequirementKind(models.TextChoices):
    REQUIREMENT = "requirement", _("Authority requirement")
    VISIT = "visit", _("Inspection visit")


class RequirementStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_REQUIREMENT_STATUSES = frozenset({RequirementStatus.OPEN})
