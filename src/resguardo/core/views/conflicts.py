"""Edit conflicts on forms: what someone else saved after the person opened the form, compared
field by field with what the person typed (used by `ServiceFormMixin`)."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..selectors import last_change


@dataclass
class StoredValue:
    """A field whose stored value differs from what the person typed."""

    name: str
    label: str
    value: str


@dataclass
class EditConflict:
    """What someone else saved after the person opened the form: who, when, and the values
    now stored where they differ from the person's own."""

    instance: models.Model
    who: str = ""
    when: datetime.datetime | None = None
    changes: list[StoredValue] = field(default_factory=list)


_NOT_ON_ROW = object()


def _stored(instance, name):
    """The value stored on the row for a form field (`_NOT_ON_ROW` for a form-only field)."""
    try:
        model_field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return _NOT_ON_ROW
    if model_field.many_to_many:
        return list(getattr(instance, name).all())
    if model_field.is_relation and not model_field.concrete:
        return _NOT_ON_ROW
    return getattr(instance, name)


def _comparable(value):
    if isinstance(value, models.Model):
        return ("pk", value.pk)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(_comparable(v) for v in value)
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0)
    return value


def _shown(form_field, value) -> str:
    """A stored value as the person would pick or read it in the form."""
    if value in (None, "") or value == []:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    choices = getattr(form_field, "choices", None)
    if choices is not None and not isinstance(value, models.Model):
        for key, label in choices:
            if isinstance(label, list | tuple):  # grouped choices
                for sub_key, sub_label in label:
                    if str(sub_key) == str(value):
                        return str(sub_label)
            elif str(key) == str(value):
                return str(label)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def edit_conflict(form, instance, *, membership) -> EditConflict:
    """Read the row again and compare it, field by field, with what the form holds."""
    current = type(instance)._default_manager.get(pk=instance.pk)
    entry = last_change(membership=membership, instance=current)
    conflict = EditConflict(instance=current)
    if entry is not None:
        conflict.who, conflict.when = entry.actor_label, entry.timestamp
    else:
        conflict.when = getattr(current, "updated", None)
    for name, form_field in form.fields.items():
        if name == "version" or isinstance(form_field.widget, forms.HiddenInput):
            continue
        if isinstance(form_field, forms.FileField) or isinstance(
            form_field.widget, forms.PasswordInput
        ):
            continue
        stored = _stored(current, name)
        if stored is _NOT_ON_ROW:
            continue
        if _comparable(stored) == _comparable(form.cleaned_data.get(name)):
            continue
        conflict.changes.append(
            StoredValue(
                name=name, label=str(form_field.label or name), value=_shown(form_field, stored)
            )
        )
    return conflict


def conflict_messages(conflict: EditConflict) -> list[str]:
    if conflict.who and conflict.when:
        lines = [
            _("Someone else changed this record after you opened it: %(who)s saved it on %(when)s.")
            % {"who": conflict.who, "when": _shown(None, conflict.when)}
        ]
    else:
        lines = [_("Someone else changed this record after you opened it.")]
    lines += [
        _("Stored now for %(field)s: %(value)s") % {"field": c.label, "value": c.value}
        for c in conflict.changes
    ]
    lines.append(
        _(
            "Your changes were not saved yet and are still in the form. Save again to replace "
            "the stored version with yours."
        )
    )
    return lines
