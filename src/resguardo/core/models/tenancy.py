from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import OrganizationKind, Role, SiteKind
from ..validators import validate_patente, validate_rfc
from .base import TimestampedModel


class Aduana(models.Model):
    """A Mexican customs office from the official catalog (Anexo 22, Apéndice 1)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=120)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("customs office")
        verbose_name_plural = _("customs offices")

    def __str__(self):
        return f"{self.code} {self.name}"


class Organization(TimestampedModel):
    legal_name = models.CharField(_("legal name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind, default=OrganizationKind.CUSTOMS_AGENCY
    )
    rfc = models.CharField(_("RFC"), max_length=13, unique=True, validators=[validate_rfc])
    require_mfa = models.BooleanField(
        _("require two-factor authentication"),
        default=False,
        help_text=_("Every member must use a one-time code from an authenticator app."),
    )
    review_by_second_person = models.BooleanField(
        _("answers reviewed by a second person"),
        default=True,
        help_text=_("The person who last changed an answer cannot also sign it off."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.short_name or self.legal_name


class Patente(TimestampedModel):
    """A customs-agent patent number (4 digits) held by the organization."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="patentes"
    )
    number = models.CharField(_("patente"), max_length=4, validators=[validate_patente])
    holder_name = models.CharField(_("customs agent"), max_length=200, blank=True)
    aduana = models.ForeignKey(
        Aduana,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("customs office of assignment"),
    )

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["number"], name="patente_number_unique")]
        verbose_name = _("patente")
        verbose_name_plural = _("patentes")

    def __str__(self):
        return self.number


class Site(TimestampedModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="sites")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=SiteKind, default=SiteKind.OFFICE)
    aduana = models.ForeignKey(
        Aduana, on_delete=models.PROTECT, related_name="sites", verbose_name=_("customs office")
    )
    address = models.TextField(_("address"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="site_name_unique_in_org")
        ]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return self.name


class Membership(TimestampedModel):
    """A user's role in one organization."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    sites = models.ManyToManyField(
        Site,
        blank=True,
        related_name="memberships",
        verbose_name=_("sites"),
        help_text=_("Site managers and staff see and record only for these sites."),
    )
    all_sites = models.BooleanField(
        _("all sites"),
        default=False,
        help_text=_(
            "Site managers and staff: every site of the organization, including sites added "
            "later. Without it they see only the sites listed."
        ),
    )
    expires_at = models.DateField(
        _("access expires"),
        null=True,
        blank=True,
        help_text=_("Required for auditors: their read-only access ends on this date."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["organization__legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique"),
            models.CheckConstraint(
                condition=~Q(role=Role.AUDITOR) | Q(expires_at__isnull=False),
                name="membership_auditor_has_expiry",
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"

    @property
    def is_current(self) -> bool:
        if not self.is_active:
            return False
        return self.expires_at is None or self.expires_at >= timezone.localdate()

    @property
    def covers_all_sites(self) -> bool:
        """True when the membership reaches every site (organization-wide roles or "all sites")."""
        return self.all_sites or self.role not in (Role.SITE_MANAGER, Role.STAFF)


class Invitation(TimestampedModel):
    """An admin's invitation for someone to join the organization with a role."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role)
    sites = models.ManyToManyField(Site, blank=True, related_name="+", verbose_name=_("sites"))
    all_sites = models.BooleanField(_("all sites"), default=False)
    membership_expires_at = models.DateField(_("access expires"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    valid_until = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organization}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.valid_until > timezone.now()
        )
