"""The personnel register (8.3): posts, people, photos, acknowledgements and
the organization's people policy (clocks and intervals)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models.base import TenantModel

from ..choices import AcknowledgedDocument, PersonKind, PersonStatus

DEFAULT_OFFBOARDING_HOURS = 24
DEFAULT_RECHECK_MONTHS = 12
DEFAULT_EXPIRING_DAYS = 30
PHOTO_MAX_AGE_YEARS = 5


class PeoplePolicy(TenantModel):
    """One per organization; until saved, the defaults below apply."""

    offboarding_hours = models.PositiveIntegerField(
        _("hours to complete a departure"),
        default=DEFAULT_OFFBOARDING_HOURS,
        help_text=_("Everything a departing person holds must be back or revoked within this."),
    )
    recheck_months = models.PositiveIntegerField(
        _("months between re-checks of sensitive posts"), default=DEFAULT_RECHECK_MONTHS
    )
    expiring_days = models.PositiveIntegerField(
        _("days before expiry a course shows as expiring"), default=DEFAULT_EXPIRING_DAYS
    )
    code_of_conduct_version = models.CharField(
        _("current code of conduct version"), max_length=40, blank=True
    )
    confidentiality_version = models.CharField(
        _("current confidentiality agreement version"), max_length=40, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="people_policy_one_per_org"),
            models.CheckConstraint(
                condition=Q(offboarding_hours__gte=1) & Q(recheck_months__gte=1),
                name="people_policy_positive_intervals",
            ),
        ]
        verbose_name = _("people policy")

    def __str__(self):
        return str(_("People policy"))

    def current_version(self, document) -> str:
        if document == AcknowledgedDocument.CODE_OF_CONDUCT:
            return self.code_of_conduct_version
        return self.confidentiality_version


class CheckItemType(TenantModel):
    """One item a background check may require (identity, references, drug test...)."""

    name = models.CharField(_("name"), max_length=120)
    evidence_required = models.BooleanField(_("evidence required"), default=True)
    validity_months = models.PositiveIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the result does not expire."),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="people_check_item_type_unique"
            )
        ]
        verbose_name = _("background check item")

    def __str__(self):
        return self.name


class Post(TenantModel):
    """A job post: what its holders must pass and learn."""

    name = models.CharField(_("name"), max_length=120)
    sensitive = models.BooleanField(
        _("sensitive post"),
        default=False,
        help_text=_("Holders are re-checked on the policy's interval (yearly by default)."),
    )
    description = models.TextField(_("description"), blank=True)
    required_checks = models.ManyToManyField(
        CheckItemType, blank=True, related_name="posts", verbose_name=_("required check items")
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="people_post_unique")
        ]
        verbose_name = _("post")

    def __str__(self):
        return self.name


class PersonnelImport(TenantModel):
    """One HR file imported: which people it created."""

    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name


class Person(TenantModel):
    kind = models.CharField(_("kind"), max_length=20, choices=PersonKind)
    employee_number = models.CharField(_("employee number"), max_length=30)
    full_name = models.CharField(_("full name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    post = models.ForeignKey(
        Post, on_delete=models.PROTECT, related_name="people", verbose_name=_("post")
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("site"),
    )
    provider = models.CharField(
        _("provider"), max_length=200, blank=True, help_text=_("Contractors: the company.")
    )
    hire_date = models.DateField(_("hire date"))
    status = models.CharField(
        _("status"), max_length=20, choices=PersonStatus, default=PersonStatus.ACTIVE
    )
    departed_on = models.DateField(_("departed on"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    emergency_contact_name = models.CharField(_("emergency contact"), max_length=200, blank=True)
    emergency_contact_phone = models.CharField(
        _("emergency contact phone"), max_length=40, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Resguardo account"),
    )
    photo_taken_on = models.DateField(_("photo taken on"), null=True, blank=True)
    cleared_on = models.DateField(_("background check cleared on"), null=True, blank=True)
    clearance_expires_on = models.DateField(
        _("first check item expiry"), null=True, blank=True, editable=False
    )
    imported_by = models.ForeignKey(
        PersonnelImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )

    class Meta:
        ordering = ["name_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "employee_number"], name="people_employee_number_unique"
            ),
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=Q(user__isnull=False),
                name="people_person_user_unique",
            ),
            models.CheckConstraint(
                condition=Q(departed_on__isnull=True) | Q(departed_on__gte=models.F("hire_date")),
                name="people_departure_after_hire",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "name_key"], name="people_by_status"),
            models.Index(fields=["organization", "post"], name="people_by_post"),
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return f"{self.full_name} ({self.employee_number})"


class PersonPhoto(TenantModel, StoredFile):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="photos")
    taken_on = models.DateField(_("taken on"))

    class Meta:
        ordering = ["-taken_on", "-pk"]

    def __str__(self):
        return f"{self.person.full_name} · {self.taken_on}"


class Acknowledgement(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="acknowledgements")
    document = models.CharField(_("document"), max_length=30, choices=AcknowledgedDocument)
    version = models.CharField(_("version"), max_length=40)
    acknowledged_on = models.DateField(_("acknowledged on"))
    signed_name = models.CharField(_("signed name"), max_length=200)

    class Meta:
        ordering = ["-acknowledged_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "document", "version"], name="people_acknowledgement_unique"
            )
        ]
        verbose_name = _("acknowledgement")

    def __str__(self):
        return f"{self.person.full_name} · {self.get_document_display()} {self.version}"
