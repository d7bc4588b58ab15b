"""Standard 9.2: the systems the agency depends on, the accounts on each, and restore tests
of their backups."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models.base import TenantModel

from ..choices import AccountStatus, BackupFrequency, RestoreResult, SystemKind


class System(TenantModel):
    """A system in the inventory. Resguardo itself is a built-in row: its accounts are the
    organization's memberships, reviewed in the app."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=SystemKind.choices)
    vendor = models.CharField(_("vendor or provider"), max_length=160, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    mfa_enforced = models.BooleanField(
        _("two-factor sign-in enforced"),
        default=False,
        help_text=_("Every account must use a second factor to sign in."),
    )
    backup_frequency = models.CharField(
        _("backups"), max_length=20, choices=BackupFrequency.choices, default=BackupFrequency.NONE
    )
    backup_arrangement = models.TextField(
        _("backup arrangement"),
        blank=True,
        help_text=_("What is copied, where the copies are kept, who looks after them."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("access review every (months)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    is_active = models.BooleanField(_("in use"), default=True)
    is_builtin = models.BooleanField(default=False, editable=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-is_builtin", "name"]
        verbose_name = _("system")
        verbose_name_plural = _("systems")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="infosec_system_org_name_uniq"
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(is_builtin=True),
                name="infosec_system_one_builtin",
            ),
        ]

    def __str__(self):
        return self.name


class SystemAccount(TenantModel):
    """An account on another system: who it belongs to and whether it is still in use."""

    system = models.ForeignKey(
        System, on_delete=models.PROTECT, related_name="accounts", verbose_name=_("system")
    )
    account_name = models.CharField(_("account"), max_length=160)
    person_name = models.CharField(_("person"), max_length=160, blank=True)
    employee_number = models.CharField(_("employee number"), max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Resguardo user"),
    )
    privileges = models.CharField(_("profile or privileges"), max_length=160, blank=True)
    mfa_enabled = models.BooleanField(_("uses two-factor sign-in"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=AccountStatus.choices, default=AccountStatus.ACTIVE
    )

    class Meta:
        ordering = ["system__name", "account_name"]
        verbose_name = _("system account")
        verbose_name_plural = _("system accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["system", "account_name"], name="infosec_account_system_name_uniq"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "employee_number"], name="infosec_account_empno"),
        ]

    def __str__(self):
        return f"{self.system.name}: {self.account_name}"


class RestoreTest(TenantModel, StoredFile):
    """A backup actually restored to prove it works, with the evidence of it."""

    system = models.ForeignKey(
        System, on_delete=models.PROTECT, related_name="restore_tests", verbose_name=_("system")
    )
    tested_on = models.DateField(_("date"))
    result = models.CharField(_("result"), max_length=20, choices=RestoreResult.choices)
    scope = models.CharField(_("what was restored"), max_length=240)
    minutes_taken = models.PositiveIntegerField(_("minutes it took"), null=True, blank=True)
    performed_by = models.CharField(_("performed by"), max_length=160)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-tested_on", "-pk"]
        verbose_name = _("restore test")
        verbose_name_plural = _("restore tests")

    def __str__(self):
        return f"{self.system.name} {self.tested_on:%Y-%m-%d}"
