"""The OpenAPI schema says what the API answers: a read-only field whose model value may be
empty is documented as such.

DRF drops `allow_blank` from read-only fields and infers `allow_null` only from the last model
field of a `source`, so `source="frozen_by.email"` (nullable foreign key) or a read-only choice
field whose model allows blank would be published as "always a value" although the API answers
`null` or "". This schema class follows each field's source through the serializer's model and
documents what the model allows, in one place for every endpoint.
"""

import copy
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers


@dataclass(frozen=True)
class ModelFacts:
    nullable: bool = False
    blank: bool = False


NO_FACTS = ModelFacts()


def _serializer_model(field):
    parent = field.parent
    if isinstance(parent, serializers.ListSerializer):
        parent = parent.parent
    meta = getattr(parent, "Meta", None)
    return getattr(meta, "model", None)


def model_facts(field) -> ModelFacts:
    """Whether the model can hold null or "" where this serializer field reads."""
    model = _serializer_model(field) if getattr(field, "parent", None) is not None else None
    attrs = getattr(field, "source_attrs", None)
    if model is None or not attrs:
        return NO_FACTS
    nullable = False
    model_field = None
    for attr in attrs:
        if model is None:
            return NO_FACTS
        try:
            model_field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return ModelFacts(nullable=nullable) if nullable else NO_FACTS
        nullable = nullable or model_field.null
        model = model_field.related_model if model_field.is_relation else None
    blank = isinstance(model_field, models.CharField | models.TextField) and model_field.blank
    return ModelFacts(nullable=nullable, blank=blank)


class AutoSchema(SpectacularAutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        facts = model_facts(field) if field.read_only else NO_FACTS
        if facts.blank and isinstance(field, serializers.ChoiceField) and not field.allow_blank:
            field = copy.copy(field)
            field.allow_blank = True
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if (
            direction == "response"
            and schema.get("format") in ("uri", "email")
            and (facts.blank or getattr(field, "allow_blank", False))
        ):
            # "" is what the API answers for an empty link or address.
            schema = {
                "type": "string",
                "anyOf": [{"format": schema.pop("format")}, {"maxLength": 0}],
            }
        return schema

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if field.read_only and model_facts(field).nullable:
            meta["nullable"] = True
        return meta

    def _insert_field_validators(self, field, schema):
        super()._insert_field_validators(field, schema)
        if "anyOf" in schema:  # the link's format lives in its first alternative (see above)
            schema.pop("format", None)


FIELD_ERRORS = {
    "type": "object",
    "description": "Messages by input field (`detail` when no field is to blame).",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def report_or_field_errors(report_component: str) -> dict:
    """An import's 400: the report listing every bad row, or (when the upload itself is
    unusable: no file, unknown format) the usual messages by field."""
    return {"anyOf": [{"$ref": f"#/components/schemas/{report_component}"}, FIELD_ERRORS]}
