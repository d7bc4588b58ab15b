"""The standards catalog: versioned, read-only reference data shared by every organization.

Nothing here is tenant data. Rows are written only by the library loader (`services.py`), from
the YAML files in `libraries/`. Older versions are kept: an assessment stays tied to the
version it was made under.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Level, Relationship
from .i18n import Bilingual, pick_text


class Framework(models.Model):
    """A framework across its versions (NEEC/OEA customs agent, C-TPAT MSC, ...)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    short_name_es = models.CharField(_("short name (Spanish)"), max_length=120, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=120, blank=True)

    name = Bilingual("name")
    short_name = Bilingual("short_name")

    class Meta:
        ordering = ["key"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self):
        return self.short_name or self.name or self.key


class Library(models.Model):
    """One version of a framework, loaded from one YAML file."""

    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="libraries", verbose_name=_("framework")
    )
    urn = models.CharField(_("URN"), max_length=200, unique=True)
    version = models.CharField(_("version"), max_length=40)
    name_es = models.CharField(_("name (Spanish)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    short_name_es = models.CharField(_("short name (Spanish)"), max_length=120, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=120, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    publisher_es = models.CharField(_("publisher (Spanish)"), max_length=300, blank=True)
    publisher_en = models.CharField(_("publisher (English)"), max_length=300, blank=True)
    source = models.TextField(_("source"), blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    applicability_flags = models.JSONField(_("applicability flags"), default=list, blank=True)
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"))
    is_active = models.BooleanField(_("active version"), default=False)

    name = Bilingual("name")
    short_name = Bilingual("short_name")
    description = Bilingual("description")
    publisher = Bilingual("publisher")

    class Meta:
        ordering = ["framework__key", "-effective_date", "-version"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "version"], name="standards_library_framework_version_uniq"
            ),
            models.UniqueConstraint(
                fields=["framework"],
                condition=models.Q(is_active=True),
                name="standards_library_one_active_per_framework",
            ),
        ]

    def __str__(self):
        text = self.short_name or self.name
        return f"{text} {self.version_after(text)}".strip()

    def version_after(self, text: str) -> str:
        """The version to print after `text`, or "" when `text` already names it: the short
        names of C-TPAT ("C-TPAT MSC 2019"), WCO SAFE and ISO 28000 carry their year."""
        if re.search(rf"(?<![\w.]){re.escape(self.version)}(?![\w])", text or ""):
            return ""
        return self.version

    @property
    def short_name_version(self) -> str:
        """What a page prints after the short name: the version, unless the name has it."""
        return self.version_after(self.short_name)

    @property
    def name_version(self) -> str:
        """What a page prints after the full name: the version, unless the name has it."""
        return self.version_after(self.name)

    @property
    def flags(self) -> list[dict]:
        """Applicability flags with their label and description in the active language."""
        return [
            {
                "key": flag["key"],
                "label": pick_text(flag.get("label")),
                "description": pick_text(flag.get("description")),
            }
            for flag in self.applicability_flags
        ]


class RequirementNode(models.Model):
    """A node of a library's tree: a group (standard, category) or an assessable requirement."""

    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="nodes", verbose_name=_("library")
    )
    urn = models.CharField(_("URN"), max_length=250, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    ref_id = models.CharField(_("reference"), max_length=40)
    order = models.PositiveIntegerField(_("order"))
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    title_es = models.CharField(_("title (Spanish)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    notes = models.JSONField(_("explanatory notes"), default=list, blank=True)
    evidence = models.JSONField(_("typical evidence"), default=list, blank=True)
    level = models.CharField(
        _("level"), max_length=10, choices=Level.choices, null=True, blank=True
    )
    weight = models.PositiveIntegerField(_("weight"), default=1)
    applies_if = models.JSONField(_("applies if"), default=list, blank=True)
    indicators = models.JSONField(_("indicators"), default=list, blank=True)
    assessable = models.BooleanField(_("assessable"), default=True)
    verified = models.BooleanField(_("verified"), default=False)
    # The reference is Resguardo's own label (2.3.P1: a yard clause written inline in the
    # official sub-standard), not a number the publisher gives.
    resguardo_numbering = models.BooleanField(_("numbered by Resguardo"), default=False)
    # Accent- and case-folded Spanish and English text, for search in both languages.
    search_text = models.TextField(editable=False, blank=True)

    title = Bilingual("title")
    description = Bilingual("description")

    class Meta:
        ordering = ["library_id", "order"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        constraints = [
            models.UniqueConstraint(
                fields=["library", "ref_id"], name="standards_node_library_ref_uniq"
            ),
        ]
        indexes = [models.Index(fields=["library", "order"], name="standards_node_lib_order")]

    def __str__(self):
        return f"{self.ref_id} {self.title}"

    @property
    def notes_text(self) -> list[str]:
        return [pick_text(note) for note in self.notes]

    @property
    def evidence_text(self) -> list[str]:
        return [pick_text(item) for item in self.evidence]


class MappingSet(models.Model):
    """A crosswalk from one library to another, loaded from one YAML file."""

    urn = models.CharField(_("URN"), max_length=250, unique=True)
    source_library = models.ForeignKey(
        Library,
        on_delete=models.CASCADE,
        related_name="mapping_sets_out",
        verbose_name=_("source library"),
    )
    target_library = models.ForeignKey(
        Library,
        on_delete=models.CASCADE,
        related_name="mapping_sets_in",
        verbose_name=_("target library"),
    )
    name_es = models.CharField(_("name (Spanish)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"))

    name = Bilingual("name")
    description = Bilingual("description")

    class Meta:
        ordering = ["source_library__framework__key", "target_library__framework__key", "urn"]
        verbose_name = _("mapping set")
        verbose_name_plural = _("mapping sets")

    def __str__(self):
        return self.name or self.urn


class Mapping(models.Model):
    mapping_set = models.ForeignKey(
        MappingSet, on_delete=models.CASCADE, related_name="mappings", verbose_name=_("mapping set")
    )
    source = models.ForeignKey(
        RequirementNode,
        on_delete=models.CASCADE,
        related_name="mappings_out",
        verbose_name=_("source requirement"),
    )
    target = models.ForeignKey(
        RequirementNode,
        on_delete=models.CASCADE,
        related_name="mappings_in",
        verbose_name=_("target requirement"),
    )
    relationship = models.CharField(_("relationship"), max_length=10, choices=Relationship.choices)
    strength = models.PositiveSmallIntegerField(_("strength"))
    rationale_es = models.TextField(_("rationale (Spanish)"), blank=True)
    rationale_en = models.TextField(_("rationale (English)"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    rationale = Bilingual("rationale")

    class Meta:
        ordering = ["mapping_set_id", "order"]
        verbose_name = _("mapping")
        verbose_name_plural = _("mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["mapping_set", "source", "target"], name="standards_mapping_pair_uniq"
            ),
            models.CheckConstraint(
                condition=models.Q(strength__gte=1, strength__lte=5),
                name="standards_mapping_strength_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.source.urn} {self.relationship} {self.target.urn}"


class ChecklistSet(models.Model):
    """A versioned set of inspection point lists (7-point container, 17-point tractor, ...).

    `series` is the URN without its last (version) segment; the newest loaded version of a
    series is the active one.
    """

    urn = models.CharField(_("URN"), max_length=250, unique=True)
    series = models.CharField(_("series"), max_length=250)
    version = models.CharField(_("version"), max_length=40)
    name_es = models.CharField(_("name (Spanish)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    source = models.TextField(_("source"), blank=True)
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"))
    is_active = models.BooleanField(_("active version"), default=False)

    name = Bilingual("name")

    class Meta:
        ordering = ["series", "-version"]
        verbose_name = _("checklist set")
        verbose_name_plural = _("checklist sets")
        constraints = [
            models.UniqueConstraint(
                fields=["series"],
                condition=models.Q(is_active=True),
                name="standards_checklistset_one_active_per_series",
            ),
        ]

    def __str__(self):
        return self.name or self.urn


class Checklist(models.Model):
    checklist_set = models.ForeignKey(
        ChecklistSet,
        on_delete=models.CASCADE,
        related_name="checklists",
        verbose_name=_("checklist set"),
    )
    key = models.SlugField(_("key"), max_length=60)
    name_es = models.CharField(_("name (Spanish)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    name = Bilingual("name")
    description = Bilingual("description")

    class Meta:
        ordering = ["checklist_set_id", "order"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        constraints = [
            models.UniqueConstraint(
                fields=["checklist_set", "key"], name="standards_checklist_set_key_uniq"
            ),
        ]

    def __str__(self):
        return self.name or self.key


class ChecklistPoint(models.Model):
    checklist = models.ForeignKey(
        Checklist, on_delete=models.CASCADE, related_name="points", verbose_name=_("checklist")
    )
    code = models.CharField(_("code"), max_length=20)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    guidance_es = models.TextField(_("guidance (Spanish)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    title = Bilingual("title")
    guidance = Bilingual("guidance")

    class Meta:
        ordering = ["checklist_id", "order"]
        verbose_name = _("checklist point")
        verbose_name_plural = _("checklist points")
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "code"], name="standards_point_checklist_code_uniq"
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"
