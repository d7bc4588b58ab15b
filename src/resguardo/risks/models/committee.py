"""The security committee (standard 1): who sits on it, its meetings, minutes and decisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.models import TenantModel


class CommitteeMember(TenantModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Resguardo user"),
    )
    name = models.CharField(_("name"), max_length=200)
    department = models.CharField(_("department"), max_length=120)
    committee_role = models.CharField(
        _("role in the committee"), max_length=120, help_text=_("e.g. chair, secretary, member")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["-is_active", "name"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self):
        return self.name


class CommitteeMeeting(TenantModel):
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    attendees = models.ManyToManyField(
        CommitteeMember, blank=True, related_name="meetings", verbose_name=_("attendees")
    )
    minutes = models.TextField(_("minutes"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")

    def __str__(self):
        return _("Committee meeting of %(date)s") % {"date": self.held_on.isoformat()}

    def get_absolute_url(self):
        return reverse("risks:meeting_detail", args=[self.pk])


class CommitteeDecision(TenantModel):
    meeting = models.ForeignKey(
        CommitteeMeeting, on_delete=models.CASCADE, related_name="decisions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("decision"), max_length=500)

    class Meta:
        ordering = ["meeting_id", "number"]
        verbose_name = _("committee decision")
        verbose_name_plural = _("committee decisions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="risks_decision_number_uniq")
        ]

    def __str__(self):
        return self.text
