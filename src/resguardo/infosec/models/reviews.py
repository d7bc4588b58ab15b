"""Access reviews: each account of a system looked at, kept or revoked, and the review signed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.models.base import TenantModel

from ..choices import Decision, ReviewStatus
from .systems import System, SystemAccount


class AccessReview(TenantModel):
    system = models.ForeignKey(
        System, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("system")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    started_on = models.DateField(_("started"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("access review")
        verbose_name_plural = _("access reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["system"],
                condition=Q(status=ReviewStatus.OPEN),
                name="infosec_review_one_open_per_system",
            ),
            models.CheckConstraint(
                condition=Q(status=ReviewStatus.OPEN)
                | Q(signed_at__isnull=False, signed_by__isnull=False),
                name="infosec_review_signed_has_signer",
            ),
        ]

    def __str__(self):
        return f"{self.system.name} {self.started_on:%Y-%m-%d}"


class AccessReviewItem(TenantModel):
    """One account under review: a Resguardo membership, or an account of another system."""

    review = models.ForeignKey(
        AccessReview, on_delete=models.CASCADE, related_name="items", verbose_name=_("review")
    )
    membership = models.ForeignKey(
        "core.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("membership"),
    )
    account = models.ForeignKey(
        SystemAccount,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_items",
        verbose_name=_("account"),
    )
    # what the reviewer saw, kept as it was when the review started
    person = models.CharField(_("person"), max_length=200)
    access = models.CharField(_("access"), max_length=240, blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    note = models.CharField(_("note"), max_length=240, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["person", "pk"]
        verbose_name = _("reviewed account")
        verbose_name_plural = _("reviewed accounts")
        constraints = [
            models.CheckConstraint(
                condition=Q(membership__isnull=True, account__isnull=False)
                | Q(membership__isnull=False, account__isnull=True),
                name="infosec_review_item_one_subject",
            ),
        ]

    def __str__(self):
        return self.person
