"""Background checks (8.1): one check per hiring or re-check, one item per required type."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models.base import TenantModel

from ..choices import CheckKind, CheckResult, CheckStatus
from .register import CheckItemType, Person


class BackgroundCheck(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="checks")
    kind = models.CharField(_("kind"), max_length=20, choices=CheckKind)
    status = models.CharField(
        _("status"), max_length=20, choices=CheckStatus, default=CheckStatus.OPEN
    )
    started_on = models.DateField(_("started on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("background check")

    def __str__(self):
        return f"{self.person.full_name} · {self.get_kind_display()} {self.started_on}"


class CheckItem(TenantModel, StoredFile):
    check_record = models.ForeignKey(
        BackgroundCheck, on_delete=models.CASCADE, related_name="items"
    )
    item_type = models.ForeignKey(CheckItemType, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("result"), max_length=20, choices=CheckResult, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["item_type__position", "item_type__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["check_record", "item_type"], name="people_check_item_unique"
            )
        ]
        verbose_name = _("check item")

    def __str__(self):
        return f"{self.item_type.name} · {self.check_record.person.full_name}"
