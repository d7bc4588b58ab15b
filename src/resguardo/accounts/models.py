from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ResguardoUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person who signs in. Logs in with the e-mail address."""

    username = None
    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[("es-mx", "Español (México)"), ("en", "English")],
        default="es-mx",
    )
    active_organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("active organization"),
    )
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_enabled = models.BooleanField(_("two-factor authentication"), default=False)
    totp_last_counter = models.BigIntegerField(default=0)  # refuses a replayed code

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = ResguardoUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


class _FailureCounter(models.Model):
    failures = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    # Locks in a row; each lock lasts twice the one before (up to a ceiling).
    lockouts = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()


class LoginThrottle(_FailureCounter):
    """Failed sign-ins for one e-mail address from one client address; locks that pair out
    after too many. Someone else's failures elsewhere never lock the account's owner out."""

    email = models.CharField(max_length=254)
    address = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email", "address"], name="login_throttle_email_address_uniq"
            )
        ]

    def __str__(self):
        return f"{self.email} from {self.address}: {self.failures} failures"


class LoginAddressThrottle(_FailureCounter):
    """Failed sign-ins from one client address, whatever the accounts tried; locks the
    address out after too many (one address trying many accounts)."""

    address = models.CharField(max_length=64, unique=True)

    def __str__(self):
        return f"{self.address}: {self.failures} failures"


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )
