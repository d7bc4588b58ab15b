"""View mixins: every page is restricted to the organization and role of the request."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..exceptions import ConcurrentEditError
from ..models import AuditEntry
from ..permissions import Perm, has_perm


class OrganizationRequiredMixin(LoginRequiredMixin):
    """A signed-in user acting for an organization with at least `required_perm`."""

    required_perm: Perm = Perm.VIEW

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.membership = request.membership
        if self.membership is None:
            return render(request, "core/no_organization.html", status=403)
        if not has_perm(self.membership, self.required_perm):
            raise PermissionDenied(_("Your role does not allow this page."))
        return super().dispatch(request, *args, **kwargs)

    def can(self, perm: Perm) -> bool:
        return has_perm(self.membership, perm)


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


def _last_change(instance) -> tuple[str, datetime.datetime | None]:
    entry = (
        AuditEntry.objects.filter(
            object_type=instance._meta.label_lower, object_id=str(instance.pk)
        )
        .only("actor_label", "timestamp")
        .order_by("-sequence")
        .first()
    )
    if entry is not None:
        return entry.actor_label, entry.timestamp
    return "", getattr(instance, "updated", None)


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


def edit_conflict(form, instance) -> EditConflict:
    """Read the row again and compare it, field by field, with what the form holds."""
    current = type(instance)._default_manager.get(pk=instance.pk)
    who, when = _last_change(current)
    conflict = EditConflict(instance=current, who=who, when=when)
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


class ServiceFormMixin:
    """Forms only parse; the service decides. A ValidationError from the service is shown on
    the form, field by field where it names fields.

    When someone else saved the record after the person opened the form
    (`ConcurrentEditError`), nothing typed is lost: the form comes back with the person's
    values, the hidden `version` now holds the stored version (so saving again deliberately
    replaces the other save), and the page says who saved when and which stored values differ.
    Templates that show `conflict` themselves set `conflict_panel = True`; otherwise the
    explanation goes on the form as errors, which every form template shows.
    """

    conflict_panel = False
    conflict_status = 200

    def form_valid(self, form):
        try:
            self.object = self.perform(form)
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return self.success(form)

    def perform(self, form):  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def conflict_object(self, error):
        """The row whose save was refused. Services that write through `update_audited`
        name it on the error; a view may override this for other services."""
        return getattr(error, "instance", None)

    def edit_conflict(self, form, error):
        instance = self.conflict_object(error)
        if instance is None or instance.pk is None:
            form.add_error(None, error)
            return self.form_invalid(form)
        conflict = edit_conflict(form, instance)
        if "version" in form.fields:
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = str(conflict.instance.version)
        if not self.conflict_panel:
            for message in conflict_messages(conflict):
                form.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=form, conflict=conflict))
        response.status_code = self.conflict_status
        return response


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


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, on the fields it names where it can."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        form.add_error(None, error)
