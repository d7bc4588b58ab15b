import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models import TenantModel

from ..choices import Classification, EvidenceKind


def evidence_upload_path(revision, filename):
    """Stored names never reuse the uploader's name: it is kept in `original_name`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return (
        f"evidence/{revision.organization_id}/{revision.evidence_id}/{uuid.uuid4().hex}.{extension}"
    )


class Evidence(TenantModel):
    """A document, photo or link that shows a requirement is met.

    Files are never overwritten: each upload is a new EvidenceRevision, and `current_revision`
    points at the newest. One item supports many requirement results, in any framework.
    """

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind)
    url = models.URLField(_("link"), max_length=500, blank=True)
    classification = models.CharField(
        _("classification"),
        max_length=20,
        choices=Classification,
        default=Classification.INTERNAL,
        help_text=_(
            "Confidential items are visible only to administrators, compliance officers "
            "and auditors."
        ),
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("When this evidence stops being current (e.g. a certificate's expiry)."),
    )
    site = models.ForeignKey(
        "core.Site",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    current_revision = models.ForeignKey(
        "compliance.EvidenceRevision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current revision"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        indexes = [
            models.Index(fields=["organization", "valid_until"], name="cmp_evidence_valid"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=EvidenceKind.LINK) | ~Q(url=""),
                name="cmp_evidence_link_has_url",
            )
        ]

    def get_absolute_url(self):
        return reverse("compliance:evidence_detail", args=[self.pk])

    def __str__(self):
        return self.title


class EvidenceRevision(TenantModel, StoredFile):
    """One uploaded file of an evidence item, with the SHA-256 taken while it streamed in.
    Its classification is the evidence item's."""

    evidence = models.ForeignKey(
        Evidence, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("evidence")
    )
    number = models.PositiveIntegerField(_("revision"))
    file_type = models.CharField(_("type"), max_length=20)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["evidence_id", "-number"]
        verbose_name = _("evidence revision")
        verbose_name_plural = _("evidence revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "number"], name="cmp_evidence_revision_uniq"
            )
        ]

    def __str__(self):
        return f"{self.original_name} (r{self.number})"

    def stored_file_name(self, filename):
        return evidence_upload_path(self, filename)


class ResultEvidence(TenantModel):
    """Links an evidence item to a requirement result."""

    result = models.ForeignKey(
        "compliance.RequirementResult", on_delete=models.CASCADE, related_name="evidence_links"
    )
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="links")
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["result_id", "evidence_id"]
        constraints = [
            models.UniqueConstraint(fields=["result", "evidence"], name="cmp_result_evidence_uniq")
        ]
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")

    def __str__(self):
        return f"{self.result_id} ← {self.evidence_id}"
