"""Resguardo settings. Every value comes from the environment; see .env.example."""

import ipaddress
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .env import (
    SettingError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = env_path("RESGUARDO_DATA_DIR", Path.cwd() / "var")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

_default_db = f"sqlite:///{DATA_DIR / 'resguardo.sqlite3'}"
_db_url = env_str("DATABASE_URL", _default_db)
try:
    # Kept connections are checked before each request reuses them, so a restarted PostgreSQL
    # costs one reconnect, not an error page (nor an app restart).
    _db = dj_database_url.parse(
        _db_url,
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0, minimum=0),
        conn_health_checks=True,
    )
except Exception as exc:  # dj-database-url raises several types for bad URLs
    raise SettingError("DATABASE_URL", f"is not a valid database URL ({exc})") from None
if _db["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
    raise SettingError("DATABASE_URL", "must be a sqlite:// or postgres:// URL")
if _db["ENGINE"] == "django.db.backends.postgresql" and not _db.get("NAME"):
    raise SettingError("DATABASE_URL", "names no database (postgres://user@host:5432/NAME)")
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db.setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "resguardo.core",
    "resguardo.accounts",
    "resguardo.obligations",  # first: its home panel (what to do next) leads the dashboard
    "resguardo.partners",
    "resguardo.standards",
    "resguardo.shipments",
    "resguardo.conveyance",
    "resguardo.compliance",
    "resguardo.incidents",
    "resguardo.infosec",
    "resguardo.risks",
    "resguardo.facilities",
    "resguardo.people",
    "resguardo.reports",
    "resguardo.certification",
]

MIDDLEWARE = [
    "resguardo.core.middleware.RequestIdMiddleware",
    "resguardo.core.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "resguardo.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "resguardo.core.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "resguardo.core.middleware.CleanTextInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "resguardo.core.middleware.TenancyMiddleware",
    "resguardo.accounts.middleware.MfaEnforcementMiddleware",
    "resguardo.core.middleware.PrivateResponsesMiddleware",
]

ROOT_URLCONF = "resguardo.config.urls"
WSGI_APPLICATION = "resguardo.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "resguardo.core.context_processors.tenancy",
            ],
        },
    }
]

# Django's form renderer, with the built-in widgets written out in Python (a list page's
# filter form cost a fifth of its CPU through the template engine).
FORM_RENDERER = "resguardo.core.widget_rendering.WidgetRenderer"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "resguardo.accounts.hashers.BoundedArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failed logins for one username from one client address; each lock in a
# row lasts twice the one before, up to LOGIN_LOCKOUT_MAX_MINUTES.
# Argon2 hashes (100 MiB each) computed at once per process; more sign-ins wait their turn.
PASSWORD_HASH_CONCURRENCY = env_int("PASSWORD_HASH_CONCURRENCY", 2, minimum=1)
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
LOGIN_LOCKOUT_MAX_MINUTES = env_int("LOGIN_LOCKOUT_MAX_MINUTES", 240, minimum=1)
# Failed logins from one client address, whatever the usernames, before it is locked out.
LOGIN_FAILURE_LIMIT_PER_IP = env_int("LOGIN_FAILURE_LIMIT_PER_IP", 20, minimum=1)
# Password-reset e-mails per window, per e-mail address and per client address.
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 5, minimum=1)
PASSWORD_RESET_LIMIT_PER_IP = env_int("PASSWORD_RESET_LIMIT_PER_IP", 5, minimum=1)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60, minimum=1)
# Anonymous incident reports (and receipt look-ups) accepted per client address per hour
INCIDENT_ANONYMOUS_REPORTS_PER_HOUR = env_int("INCIDENT_ANONYMOUS_REPORTS_PER_HOUR", 5, minimum=1)
# Days to file the OEA incident aviso (rule 7.2.1) after an incident becomes known
INCIDENT_AVISO_DAYS = env_int("INCIDENT_AVISO_DAYS", 5, minimum=1)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
# Idle timeout: the age restarts with a request, written at most once per SESSION_TOUCH_SECONDS
# (core.middleware.IdleSessionMiddleware) instead of on every request.
SESSION_TOUCH_SECONDS = env_int("SESSION_TOUCH_SECONDS", 60, minimum=0)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS only: redirect plain HTTP (the health check stays reachable for the load balancer) and
# tell browsers, for HSTS seconds, never to try HTTP again. Off until the site is on HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind a proxy that ends TLS and sets X-Forwarded-Proto (only then: the header is trusted).
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Proxies (addresses or networks) whose X-Forwarded-For is believed: behind nginx, the
# client's address comes from it, so throttles and rate limits count clients, not the proxy.
# Empty (the default): the header is ignored, whoever sends it.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
try:
    for _proxy in TRUSTED_PROXIES:
        ipaddress.ip_network(_proxy, strict=False)
except ValueError as exc:
    raise SettingError("TRUSTED_PROXIES", f"holds an invalid address or network ({exc})") from None
X_FRAME_OPTIONS = "DENY"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3600, minimum=300)

LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", _("Spanish (Mexico)")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "resguardo_language"
TIME_ZONE = env_str("TIME_ZONE", "America/Mexico_City")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["resguardo.config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
WHITENOISE_AUTOREFRESH = DEBUG

# Files (evidence, photos): Django's storage API, local disk or any S3-compatible store.
STORAGE_BACKEND = env_choice("STORAGE_BACKEND", "local", ("local", "s3"))
MEDIA_ROOT = env_path("MEDIA_ROOT", DATA_DIR / "files")
MEDIA_URL = "/files/"  # never served directly: downloads go through permission-checked views
if STORAGE_BACKEND == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET", required=True),
            "endpoint_url": env_str("S3_ENDPOINT_URL"),
            "access_key": env_str("S3_ACCESS_KEY_ID", required=True),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", required=True),
            "region_name": env_str("S3_REGION"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Size limit of each kind of upload, in MB (resguardo.core.files.kinds says which uses which).
EVIDENCE_MAX_UPLOAD_MB = env_int("EVIDENCE_MAX_UPLOAD_MB", 50, minimum=1)
DOCUMENT_MAX_UPLOAD_MB = env_int("DOCUMENT_MAX_UPLOAD_MB", 25, minimum=1)
PHOTO_MAX_UPLOAD_MB = env_int("PHOTO_MAX_UPLOAD_MB", 10, minimum=1)
IMPORT_MAX_UPLOAD_MB = env_int("IMPORT_MAX_UPLOAD_MB", 40, minimum=1)
# Spreadsheet imports (CSV/XLSX, every module): what one file may hold before it is refused.
IMPORT_MAX_UNZIPPED_MB = env_int("IMPORT_MAX_UNZIPPED_MB", 400, minimum=1)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 100_000, minimum=1)
IMPORT_MAX_COLUMNS = env_int("IMPORT_MAX_COLUMNS", 100, minimum=1)
IMPORT_MAX_SECONDS = env_int("IMPORT_MAX_SECONDS", 120, minimum=1)
IMPORT_STAGED_HOURS = env_int("IMPORT_STAGED_HOURS", 24, minimum=1)
# Watchlists (SAT, OFAC) are shared by every organization: may members import files by hand?
WATCHLIST_UPLOADS_BY_MEMBERS = env_bool("WATCHLIST_UPLOADS_BY_MEMBERS", True)

EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
    "mailbox": "resguardo.core.mailbox.MailboxBackend",
}[env_choice("EMAIL_BACKEND", "console", ("console", "smtp", "file", "memory", "mailbox"))]
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Resguardo <no-reply@localhost>")
# The address people reach the app at: links in e-mailed notifications start with it.
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")

TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.backend.DatabaseBackend",
        }[env_choice("TASKS_BACKEND", "immediate", ("immediate", "database"))]
    }
}
# Jobs of a worker that died are queued again (resguardo.core.task_recovery): at once when
# its process is gone from this machine, after the lease otherwise; failed after N attempts.
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 1800, minimum=10)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3, minimum=1)
TASK_RECOVERY_INTERVAL_SECONDS = env_int("TASK_RECOVERY_INTERVAL_SECONDS", 30, minimum=1)
# Domain event delivery (resguardo.core.events): a failing handler is retried after 10 s,
# 20 s, 40 s… (capped at one hour) until the attempt limit, then shown as failed.
EVENT_DELIVERY_MAX_ATTEMPTS = env_int("EVENT_DELIVERY_MAX_ATTEMPTS", 8, minimum=1)
EVENT_DELIVERY_BACKOFF_SECONDS = env_int("EVENT_DELIVERY_BACKOFF_SECONDS", 10, minimum=1)
# How long one attempt may run before another runner may take the delivery over.
EVENT_DELIVERY_LEASE_SECONDS = env_int("EVENT_DELIVERY_LEASE_SECONDS", 300, minimum=1)
# The sweep (worker and demo, every interval) re-enqueues deliveries overdue by the grace.
EVENT_SWEEP_INTERVAL_SECONDS = env_int("EVENT_SWEEP_INTERVAL_SECONDS", 60, minimum=1)
EVENT_SWEEP_GRACE_SECONDS = env_int("EVENT_SWEEP_GRACE_SECONDS", 60, minimum=0)
# The agency's own certification (resguardo.certification): the renewal window before expiry,
# the days to file the incident aviso, and which recorded changes propose a change aviso
# (rule 7.2.1), each with its days to file ("trigger:days", see .env.example).
CERTIFICATION_RENEWAL_WINDOW_DAYS = env_int("CERTIFICATION_RENEWAL_WINDOW_DAYS", 30, minimum=1)
CERTIFICATION_INCIDENT_AVISO_DAYS = env_int("CERTIFICATION_INCIDENT_AVISO_DAYS", 5, minimum=1)
CERTIFICATION_CHANGE_AVISOS = env_list(
    "CERTIFICATION_CHANGE_AVISOS",
    [
        "site_opened:30",
        "site_closed:30",
        "representative_added:30",
        "representative_removed:30",
        "mandatario_added:30",
        "mandatario_removed:30",
    ],
)

# An empty filter choice says what it means ("All") instead of django-filter's "---------".
FILTERS_EMPTY_CHOICE_LABEL = pgettext_lazy("empty filter choice", "All")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "resguardo.accounts.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["resguardo.core.api.permissions.IsOrganizationMember"],
    "DEFAULT_PAGINATION_CLASS": "resguardo.core.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": ["resguardo.core.api.filters.FilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "resguardo.core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "resguardo.core.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Resguardo API",
    "DESCRIPTION": "NEEC/OEA, C-TPAT and WCO SAFE compliance records of one organization. "
    "Authenticate with a personal API token: `Authorization: Token <key>`. "
    "Choose the organization with the `X-Organization` header (its id) when you belong to "
    "more than one.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set, so generated clients get stable enum types (no hash suffixes).
    "ENUM_NAME_OVERRIDES": {
        "ActionKindEnum": "resguardo.compliance.choices.ActionKind",
        "ActionSourceEnum": "resguardo.compliance.choices.ActionSource",
        "EvidenceKindEnum": "resguardo.compliance.choices.EvidenceKind",
        "InternalAuditStatusEnum": "resguardo.compliance.choices.AuditStatus",
        "AuditFindingSeverityEnum": "resguardo.compliance.choices.Severity",
        "RequirementResultEnum": "resguardo.compliance.choices.Result",
        "ContainerKindEnum": "resguardo.shipments.choices.ContainerKind",
        "ShipmentDocumentKindEnum": "resguardo.shipments.choices.DocumentKind",
        "DocumentCheckResultEnum": "resguardo.shipments.choices.CheckResult",
        "DiscrepancyKindEnum": "resguardo.conveyance.choices.DiscrepancyKind",
        "RemovalReasonEnum": "resguardo.conveyance.choices.RemovalReason",
        "VoidReasonEnum": "resguardo.conveyance.choices.VoidReason",
        "ReplacementReasonEnum": "resguardo.conveyance.choices.ReplacementReason",
        "PartnerKindEnum": "resguardo.partners.choices.PartnerKind",
        "PartnerStatusEnum": "resguardo.partners.choices.PartnerStatus",
        "PartnerDocumentKindEnum": "resguardo.partners.choices.DocumentKind",
        "ReviewKindEnum": "resguardo.partners.choices.ReviewKind",
        "ReviewOutcomeEnum": "resguardo.partners.choices.ReviewOutcome",
        "SelectionOutcomeEnum": "resguardo.partners.choices.SelectionOutcome",
        "WatchlistSourceEnum": "resguardo.partners.choices.WatchlistSource",
        # Risk levels and partner-finding severities are the same low / medium / high set.
        "RiskLevelEnum": "resguardo.partners.choices.RiskLevel",
        # Named because the incidents module's own "item" and "role" fields collide with them.
        "DocumentCheckItemEnum": "resguardo.shipments.choices.DocumentCheckItem",
        "RoleEnum": "resguardo.core.choices.Role",
        "IncidentSeverityEnum": "resguardo.incidents.choices.Severity",
        "IncidentStatusEnum": "resguardo.incidents.choices.IncidentStatus",
        "IncidentSourceEnum": "resguardo.incidents.choices.IncidentSource",
        "IncidentChecklistItemEnum": "resguardo.incidents.choices.ChecklistItem",
        "IncidentPersonRoleEnum": "resguardo.incidents.choices.PersonRole",
        "IncidentNoticeRecipientEnum": "resguardo.incidents.choices.NoticeRecipient",
        "IncidentNoticeStatusEnum": "resguardo.incidents.choices.NoticeStatus",
        "SystemKindEnum": "resguardo.infosec.choices.SystemKind",
        "BackupFrequencyEnum": "resguardo.infosec.choices.BackupFrequency",
        "MediaKindEnum": "resguardo.infosec.choices.MediaKind",
        "DisposalMethodEnum": "resguardo.infosec.choices.DisposalMethod",
        "SystemAccountStatusEnum": "resguardo.infosec.choices.AccountStatus",
        "AccessReviewStatusEnum": "resguardo.infosec.choices.ReviewStatus",
        "AccessReviewDecisionEnum": "resguardo.infosec.choices.Decision",
        "RestoreResultEnum": "resguardo.infosec.choices.RestoreResult",
        "CredentialKindEnum": "resguardo.infosec.choices.CredentialKind",
        "CredentialStatusEnum": "resguardo.infosec.choices.CredentialStatus",
        "CredentialEventKindEnum": "resguardo.infosec.choices.CredentialEventKind",
        "CyberEventKindEnum": "resguardo.infosec.choices.CyberEventKind",
        "CyberEventStatusEnum": "resguardo.infosec.choices.CyberEventStatus",
        # conveyance keeps the name it had before infosec brought a second "decision" set
        "DecisionEnum": "resguardo.conveyance.choices.SupervisorDecision",
        "RiskStatusEnum": "resguardo.risks.choices.RiskStatus",
        # Names the schema had before the certification's own program, modality and role.
        "ProgramEnum": "resguardo.partners.choices.CertificationProgram",
        "ModalityEnum": "resguardo.partners.choices.OeaModality",
        "OwnCertificationProgramEnum": "resguardo.certification.choices.Program",
        "OwnCertificationModalityEnum": "resguardo.certification.choices.Modality",
        "OwnCertificationStatusEnum": "resguardo.certification.choices.CertificationStatus",
        "OwnCertificationRenewalStatusEnum": "resguardo.certification.choices.RenewalStatus",
        "OwnCertificationDocumentKindEnum": "resguardo.certification.choices.DocumentKind",
        "RepresentativeRoleEnum": "resguardo.certification.choices.RepresentativeRole",
        "CertificationPrerequisiteKindEnum": "resguardo.certification.choices.PrerequisiteKind",
        "AvisoKindEnum": "resguardo.certification.choices.AvisoKind",
        "AvisoTriggerEnum": "resguardo.certification.choices.AvisoTrigger",
        "AvisoStatusEnum": "resguardo.certification.choices.AvisoStatus",
        "AuthorityRequirementKindEnum": "resguardo.certification.choices.RequirementKind",
        "AuthorityRequirementStatusEnum": "resguardo.certification.choices.RequirementStatus",
        "VisitorKindEnum": "resguardo.facilities.choices.VisitorKind",
        "BadgeKindEnum": "resguardo.facilities.choices.BadgeKind",
        "CheckKindEnum": "resguardo.facilities.choices.CheckKind",
        "PersonKindEnum": "resguardo.people.choices.PersonKind",
        "BackgroundCheckKindEnum": "resguardo.people.choices.CheckKind",
        "BackgroundCheckResultEnum": "resguardo.people.choices.CheckResult",
        "DepartureReasonEnum": "resguardo.people.choices.DepartureReason",
    },
}

# LOG_FORMAT=json: one JSON object per line with request_id, organization_id and user_id.
LOG_FORMAT = env_choice("LOG_FORMAT", "text", ("text", "json"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refusals_on_one_line": {"()": "resguardo.core.logfilters.RefusalsOnOneLine"},
        "request_context": {"()": "resguardo.core.observability.RequestContextFilter"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "resguardo.core.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["refusals_on_one_line", "request_context"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
# /metrics answers only with this bearer token; unset, the endpoint does not exist.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
if METRICS_TOKEN and len(METRICS_TOKEN) < 24:
    raise SettingError("METRICS_TOKEN", "must be at least 24 characters (a random string)")
