from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ..choices import AuditAction

# The platform chain (entries without an organization: accounts, organizations, watch lists)
# is keyed 0 in the uniqueness constraints below; organization ids start at 1.
PLATFORM_CHAIN = 0


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The audit log is append-only")

    def delete(self):
        raise TypeError("The audit log is append-only")


class AuditEntry(models.Model):
    """One append-only, hash-chained record of a change made through a service.

    Each organization has its own chain (its own sequence and head); entries without an
    organization form the platform chain."""

    sequence = models.PositiveBigIntegerField(_("sequence"))
    timestamp = models.DateTimeField(_("time"), db_index=True)
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor"), max_length=200)
    action = models.CharField(_("action"), max_length=10, choices=AuditAction)
    verb = models.CharField(_("verb"), max_length=80, db_index=True)
    change_id = models.UUIDField(_("change"), null=True, blank=True, db_index=True)
    request_id = models.CharField(
        _("request"), max_length=64, blank=True, default="", db_default=""
    )
    object_type = models.CharField(_("object type"), max_length=100, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64)
    object_label = models.CharField(_("object"), max_length=255)
    data = models.JSONField(_("details"), null=True, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence"]
        indexes = [models.Index(fields=["organization", "-sequence"], name="audit_org_seq")]
        constraints = [
            models.UniqueConstraint(
                Coalesce("organization", models.Value(PLATFORM_CHAIN)),
                "sequence",
                name="audit_chain_sequence_unique",
            )
        ]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"#{self.sequence} {self.verb} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The audit log is append-only")


class AuditChainHead(models.Model):
    """The end of one chain (one per organization, one for the platform). Locking it
    serializes the writers of that chain only, so two concurrent transactions can never fork
    it while organizations never wait for each other. `signature` is an HMAC of the head made
    with a key derived from SECRET_KEY (never stored in the database): moving the head back
    after removing the newest entries is detected because the signature no longer matches."""

    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    sequence = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default="0" * 64)
    signature = models.CharField(max_length=64, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Coalesce("organization", models.Value(PLATFORM_CHAIN)),
                name="audit_head_one_per_chain",
            )
        ]

    def __str__(self):
        return f"audit chain head {self.organization_id or 'platform'} #{self.sequence}"
