from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    MUST = "must", _("Must")
    SHOULD = "should", _("Should")


class Relationship(models.TextChoices):
    """How the source requirement relates to the target: "source is <relationship> of target"."""

    EQUAL = "equal", _("Equal")
    SUPERSET = "superset", _("Superset")
    SUBSET = "subset", _("Subset")
    INTERSECT = "intersect", _("Intersect")


# Read from the target's side, a source that is a subset of the target sees the target as its
# superset, and the other way round; equal and intersect read the same from both sides.
INVERSE_RELATIONSHIP = {
    Relationship.EQUAL: Relationship.EQUAL,
    Relationship.SUPERSET: Relationship.SUBSET,
    Relationship.SUBSET: Relationship.SUPERSET,
    Relationship.INTERSECT: Relationship.INTERSECT,
}

# Meeting the source meets the whole target for these relationships, only part of it for the rest.
FULL_RELATIONSHIPS = frozenset({Relationship.EQUAL, Relationship.SUPERSET})


class ResultStatus(models.TextChoices):
    """The answer recorded for one requirement (input of the coverage service)."""

    COMPLIANT = "compliant", _("Compliant")
    PARTIAL = "partial", _("Partially compliant")
    NON_COMPLIANT = "non_compliant", _("Not compliant")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


class CoverageStatus(models.TextChoices):
    FULL = "full", _("Fully covered")
    PARTIAL = "partial", _("Partly covered")
    NONE = "none", _("Not covered")


class FileKind(models.TextChoices):
    FRAMEWORK = "framework", _("Framework")
    MAPPING_SET = "mapping_set", _("Mapping set")
    CHECKLIST_SET = "checklist_set", _("Checklist set")
