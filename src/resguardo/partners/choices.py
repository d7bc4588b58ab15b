from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PartnerKind(models.TextChoices):
    CLIENT = "client", _("Client (importer or exporter)")
    CARRIER = "carrier", _("Carrier")
    WAREHOUSE = "warehouse", _("Warehouse or bonded facility")
    FORWARDER = "forwarder", _("Freight forwarder")
    CUSTOMS_AGENT = "customs_agent", _("Customs agent in partnership")
    CORRESPONDENT = "correspondent", _("Correspondent agency")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    OTHER = "other", _("Other")


class PartnerStatus(models.TextChoices):
    PROSPECT = "prospect", _("Prospect (in selection)")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    BLOCKED = "blocked", _("Blocked (watchlist match)")
    INACTIVE = "inactive", _("Inactive (relationship ended)")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class AddressKind(models.TextChoices):
    FISCAL = "fiscal", _("Fiscal address")
    OPERATIONS = "operations", _("Operations")
    WAREHOUSE = "warehouse", _("Warehouse or yard")
    OTHER = "other", _("Other")


class DocumentKind(models.TextChoices):
    ENCARGO = "encargo", _("Encargo conferido (client's mandate)")
    SECURITY_AGREEMENT = "security_agreement", _("Security agreement")
    ARTICLES = "articles", _("Articles of incorporation (acta constitutiva)")
    TAX_STATUS = "tax_status", _("Tax status certificate (constancia de situación fiscal)")
    REPRESENTATIVE_ID = "representative_id", _("Legal representative's ID")
    POWER_OF_ATTORNEY = "power_of_attorney", _("Power of attorney")
    PROOF_OF_ADDRESS = "proof_of_address", _("Proof of address")
    CERTIFICATE = "certificate", _("Certification certificate")
    QUESTIONNAIRE_EVIDENCE = "questionnaire_evidence", _("Questionnaire evidence")
    VISIT_REPORT = "visit_report", _("Review or visit report")
    OTHER = "other", _("Other")


class CertificationProgram(models.TextChoices):
    OEA = "oea", _("OEA / NEEC (Mexico)")
    CTPAT = "ctpat", _("C-TPAT (United States)")
    AEO = "aeo", _("AEO of another country")
    ISO_28000 = "iso28000", _("ISO 28000")


class OeaModality(models.TextChoices):
    IMPORTER_EXPORTER = "importer_exporter", _("Importer / exporter")
    CUSTOMS_AGENT = "customs_agent", _("Customs agent")
    CARRIER = "carrier", _("Road carrier")
    RAIL = "rail", _("Rail carrier")
    COURIER = "courier", _("Courier and parcel service")
    BONDED = "bonded", _("Bonded facility (recinto fiscalizado)")
    WAREHOUSE = "warehouse", _("General deposit warehouse")
    INDUSTRIAL_PARK = "industrial_park", _("Industrial park")
    OTHER = "other", _("Other")


class CtpatTier(models.TextChoices):
    TIER_1 = "1", _("Tier 1 (certified)")
    TIER_2 = "2", _("Tier 2 (validated)")
    TIER_3 = "3", _("Tier 3 (exceeds the criteria)")


class CertificationStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("certification status", "Valid")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    UNVERIFIED = "unverified", _("Status not checked in 12 months")


class SelectionOutcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    CONDITIONAL = "conditional", _("Approved with conditions")
    REJECTED = "rejected", _("Rejected")


class CriterionResult(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "na", _("Not applicable")


class QuestionnaireStatus(models.TextChoices):
    SENT = "sent", _("Sent, awaiting answers")
    IN_PROGRESS = "in_progress", _("Draft saved by the partner")
    SUBMITTED = "submitted", _("Submitted, to review")
    CORRECTIONS = "corrections", _("Corrections requested")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class AnswerValue(models.TextChoices):
    YES = "yes", _("Yes")
    PARTIAL = "partial", _("Partly")
    NO = "no", _("No")
    NOT_APPLICABLE = "na", _("Not applicable")


class QuestionnaireLanguage(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")


class ReviewKind(models.TextChoices):
    INITIAL = "initial", _("Initial review")
    PERIODIC = "periodic", _("Periodic review")
    VISIT = "visit", _("On-site visit")
    EXTRAORDINARY = "extraordinary", _("Extraordinary review after a risk event")


class ReviewOutcome(models.TextChoices):
    SATISFACTORY = "satisfactory", _("Satisfactory")
    WITH_FINDINGS = "with_findings", _("Satisfactory with findings")
    UNSATISFACTORY = "unsatisfactory", _("Unsatisfactory")


class FindingSeverity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class WatchlistSource(models.TextChoices):
    SAT_69B = "sat_69b", _("SAT Art. 69-B (simulated operations, EFOS)")
    SAT_69B_BIS = "sat_69b_bis", _("SAT Art. 69-B Bis (improperly transferred tax losses)")
    SAT_69_FIRMES = "sat_69_firmes", _("SAT Art. 69: firm debts (firmes)")
    SAT_69_EXIGIBLES = "sat_69_exigibles", _("SAT Art. 69: enforceable debts (exigibles)")
    SAT_69_NO_LOCALIZADOS = "sat_69_no_localizados", _("SAT Art. 69: not located (no localizados)")
    SAT_69_CANCELADOS = "sat_69_cancelados", _("SAT Art. 69: cancelled debts (cancelados)")
    SAT_69_SENTENCIAS = "sat_69_sentencias", _("SAT Art. 69: criminal sentences (sentencias)")
    OFAC_SDN = "ofac_sdn", _("OFAC Specially Designated Nationals (SDN)")
    OFAC_CONSOLIDATED = "ofac_cons", _("OFAC Consolidated non-SDN list")


class EntityType(models.TextChoices):
    COMPANY = "company", _("Company or organization")
    PERSON = "person", _("Individual")
    VESSEL = "vessel", _("Vessel")
    AIRCRAFT = "aircraft", _("Aircraft")
    UNKNOWN = "unknown", _("Unknown")


class NameKind(models.TextChoices):
    AKA = "aka", _("Also known as")
    FKA = "fka", _("Formerly known as")
    NKA = "nka", _("Now known as")


class MatchKind(models.TextChoices):
    RFC = "rfc", _("Same RFC")
    NAME = "name", _("Similar name")
    ALIAS = "alias", _("Similar to an alias")


class HitStatus(models.TextChoices):
    OPEN = "open", _("To review")
    INFORMATIVE = "informative", _("Informative: cleared by the SAT")
    TRUE_MATCH = "true_match", _("True match")
    FALSE_POSITIVE = "false_positive", _("False positive")


class Verdict(models.TextChoices):
    TRUE_MATCH = "true_match", _("True match: it is this partner")
    FALSE_POSITIVE = "false_positive", _("False positive: a different person or company")


class ScreeningTrigger(models.TextChoices):
    CREATED = "created", _("Partner created")
    CHANGED = "changed", _("Partner changed")
    LIST_UPDATE = "list_update", _("New list version")
    MANUAL = "manual", _("Requested by a user")
    IMPORT = "import", _("Bulk import")
