from django.db import models

from resguardo.core.models.base import TenantModel


class SampleNote(TenantModel):
    site = models.ForeignKey("core.Site", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=100)
    due_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
