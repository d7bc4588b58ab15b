from django.db import models
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TenantModel(TimestampedModel):
    """A row that belongs to one organization. Every domain row carries its tenant key.

    `version` supports optimistic concurrency: services refuse a save whose expected version
    is not the stored one, so two people editing the same record never overwrite each other.
    """

    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organization"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True
