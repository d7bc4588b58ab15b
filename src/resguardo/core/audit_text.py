"""What people read in the audit log: one sentence per entry in their language, object types
by their names, and before/after values as the pages show them.

Apps register the sentences of their verbs in an `audit_verbs.py` module (found on first use):

    register_audit_verbs({"seal.applied": _("Seal %(seal)s applied to %(unit)s")})

A sentence may use `%(object)s` (the row's label), `%(type)s` (its kind), `%(actor)s` and any
key of the entry's `data`. A verb without a sentence, or a sentence whose values are missing,
reads "<Type> created / updated / deleted: <object>".
"""

import datetime
import json

from django.apps import apps
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import AuditAction

_SENTENCES: dict = {}
_discovered = False
_FALLBACK = {
    AuditAction.CREATE: gettext_lazy("%(type)s created: %(object)s"),
    AuditAction.UPDATE: gettext_lazy("%(type)s updated: %(object)s"),
    AuditAction.DELETE: gettext_lazy("%(type)s deleted: %(object)s"),
}
_HIDDEN_TYPES = {"core.auditentry", "core.auditchainhead"}


def register_audit_verbs(sentences: dict) -> None:
    """Give business verbs (`seal.applied`) their translatable sentence."""
    _SENTENCES.update(sentences)


def _discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("audit_verbs")


def object_model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def type_label(object_type: str) -> str:
    model = object_model(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


def object_type_choices() -> list[tuple[str, str]]:
    """Every kind of row the services audit, by its name in the user's language. Models
    without a translatable name are internal (throttles, caches) and left out."""
    choices = [
        (model._meta.label_lower, capfirst(str(model._meta.verbose_name)))
        for model in apps.get_models()
        if model.__module__.startswith("resguardo.")
        and model._meta.label_lower not in _HIDDEN_TYPES
        and isinstance(model._meta.verbose_name, Promise)
    ]
    return sorted(choices, key=lambda choice: choice[1].lower())


def entry_sentence(entry) -> str:
    """The entry as one sentence in the active language."""
    _discover()
    values = {
        "object": entry.object_label,
        "type": type_label(entry.object_type),
        "actor": entry.actor_label,
        **(entry.data or {}),
    }
    template = _SENTENCES.get(entry.verb)
    if template is not None:
        try:
            return capfirst(str(template) % values)
        except (KeyError, TypeError, ValueError):
            pass
    fallback = _FALLBACK.get(entry.action, _FALLBACK[AuditAction.UPDATE])
    return capfirst(str(fallback) % values)


# Readable before/after ----------------------------------------------------------------------


def _fields_by_key(model) -> dict:
    if model is None:
        return {}
    fields = {}
    for field in model._meta.concrete_fields:
        fields[field.attname] = field
        fields[field.name] = field
    for field in model._meta.many_to_many:
        fields[field.name] = field
    return fields


def _related_labels(fields, rows, organization) -> dict:
    """{(model, pk): label} for the foreign keys named in before/after, one query per model,
    never reading another organization's rows."""
    wanted: dict = {}
    for key, field in fields.items():
        if not field.is_relation or key != getattr(field, "attname", key):
            continue
        for row in rows:
            value = row.get(key)
            for pk in value if isinstance(value, list) else [value]:
                if pk is not None:
                    wanted.setdefault(field.related_model, set()).add(pk)
    labels = {}
    for model, pks in wanted.items():
        queryset = model._default_manager.filter(pk__in=pks)
        if any(f.name == "organization" for f in model._meta.concrete_fields):
            queryset = queryset.filter(organization=organization)
        for obj in queryset:
            labels[(model, obj.pk)] = str(obj)
    return labels


def _when(value, parse, fmt):
    parsed = parse(value) if isinstance(value, str) else None
    if parsed is None:
        return str(value)
    if isinstance(parsed, datetime.datetime) and timezone.is_aware(parsed):
        parsed = timezone.localtime(parsed)
    return formats.date_format(parsed, fmt)


def readable_value(field, value, labels) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if field is None:
        return str(value)
    if field.is_relation:
        pks = value if isinstance(value, list) else [value]
        return ", ".join(labels.get((field.related_model, pk), f"#{pk}") for pk in pks)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        return _when(value, parse_datetime, "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return _when(value, parse_date, "SHORT_DATE_FORMAT")
    if isinstance(field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    if isinstance(value, list | dict):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def readable_changes(entry, *, organization) -> list[dict]:
    """One row per field: its name in the user's language and both values as pages show
    them, changed rows marked. Fields keep the model's order."""
    model = object_model(entry.object_type)
    fields = _fields_by_key(model)
    before, after = entry.before or {}, entry.after or {}
    keys = list(dict.fromkeys([*before, *after]))
    order = {key: index for index, key in enumerate(fields)}
    keys.sort(key=lambda key: order.get(key, len(order)))
    labels = _related_labels(fields, [before, after], organization)
    rows = []
    for key in keys:
        field = fields.get(key)
        name = capfirst(str(field.verbose_name)) if field is not None else key
        rows.append(
            {
                "field": name,
                "before": readable_value(field, before.get(key), labels) if before else "—",
                "after": readable_value(field, after.get(key), labels) if after else "—",
                "changed": before.get(key) != after.get(key),
            }
        )
    return rows


def audit_details(entry) -> list[tuple[str, str]]:
    """The entry's extra data (what a verb records beside the fields: the partner a screening
    decision concerns, the hits a listing check found) as (key, text) rows, in stored order."""
    data = entry.data
    if data in (None, "", {}, []):
        return []
    if not isinstance(data, dict):
        return [("—", _as_text(data))]
    return [(str(key), _as_text(value)) for key, value in data.items()]


def _as_text(value) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "—" if value is None else str(value)
