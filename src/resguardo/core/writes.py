"""Building blocks every service uses: validate, save, bump the version, audit."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F

from .audit import AuditRecord, audit_record, audit_record_many, snapshot
from .choices import AuditAction
from .exceptions import ConcurrentEditError


def clean_in_memory(instance: models.Model, *, exclude=()) -> None:
    """`full_clean` without the checks that query the database (that each related row
    exists, unique values, constraints): for rows checked by the thousand, whose related
    rows the caller holds and whose uniqueness it checks with one query per batch."""
    related = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    instance.full_clean(
        exclude=[*related, *exclude], validate_unique=False, validate_constraints=False
    )


def clean_changed(instance: models.Model, changed) -> None:
    """`full_clean` for an update: every check Django runs (fields, `clean()`, uniqueness,
    constraints, all errors gathered into one ValidationError) except that a related row
    exists for a relation the update leaves as it was. The stored value was checked when it
    was written and the database's foreign key still holds it; checking again cost one query
    per relation on every save (five on a requirement answer)."""
    changed = set(changed)
    unchanged_relations = {
        f.name
        for f in instance._meta.concrete_fields
        if f.is_relation and f.name not in changed and f.attname not in changed
    }
    errors: dict = {}
    for check in (
        lambda: instance.clean_fields(exclude=unchanged_relations),
        instance.clean,
    ):
        try:
            check()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    # as full_clean: uniqueness, then constraints, skip the fields that already failed
    for check in (instance.validate_unique, instance.validate_constraints):
        try:
            check(exclude={name for name in errors if name != NON_FIELD_ERRORS})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def create_audited(
    *,
    actor,
    organization,
    instance: models.Model,
    m2m: dict | None = None,
    verb: str | None = None,
    data: dict | None = None,
):
    """full_clean, save, set many-to-many values, audit. Call inside a transaction.

    `verb` names the business action in the audit log (`seal.applied`; `<model>.created`
    when omitted) and `data` what its sentence needs."""
    instance.full_clean()
    instance.save()
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditAction.CREATE,
        instance=instance,
        after=snapshot(instance),
        verb=verb,
        data=data,
    )
    return instance


def create_audited_many(
    *,
    actor,
    organization,
    instances: list[models.Model],
    verb: str | None = None,
    batch_size: int = 500,
) -> list[models.Model]:
    """Create many rows and append their audit entries as one change (an import).

    The caller has validated every instance (`full_clean` without the per-row uniqueness
    queries, which it replaces with one query per batch); the database constraints still
    stand behind it. Rows are bulk-inserted model by model, in the order each model first
    appears, so a parent listed before its children has its key when they are inserted;
    the audit entries follow the order of `instances`, all named `verb` when given.
    No many-to-many values."""
    by_model: dict[type, list] = {}
    for instance in instances:
        by_model.setdefault(type(instance), []).append(instance)
    for model, rows in by_model.items():
        model._default_manager.bulk_create(rows, batch_size=batch_size)
    audit_record_many(
        actor=actor,
        organization=organization,
        records=[
            AuditRecord(AuditAction.CREATE, i, after=snapshot(i), verb=verb) for i in instances
        ],
    )
    return instances


def update_audited(
    *,
    actor,
    organization,
    instance: models.Model,
    changes: dict,
    expected_version: int | None = None,
    m2m: dict | None = None,
    verb: str | None = None,
    data: dict | None = None,
):
    """Apply `changes`, refusing the save if the row's version moved since the user read it.

    The version check and bump is one conditional UPDATE, so two concurrent saves of the
    same version cannot both succeed.
    """
    before = snapshot(instance)
    for name, value in changes.items():
        setattr(instance, name, value)
    clean_changed(instance, changes)
    has_version = any(f.name == "version" for f in instance._meta.concrete_fields)
    if has_version:
        expected = instance.version if expected_version is None else expected_version
        bumped = (
            type(instance)
            ._default_manager.filter(pk=instance.pk, version=expected)
            .update(version=F("version") + 1)
        )
        if not bumped:
            raise ConcurrentEditError(instance=instance)
        instance.version = expected + 1
    instance.save()
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)
    after = snapshot(instance)
    if before != after:
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditAction.UPDATE,
            instance=instance,
            before=before,
            after=after,
            verb=verb,
            data=data,
        )
    return instance


def update_audited_many(*, actor, organization, changes: list[tuple[models.Model, dict]]):
    """Apply `changes` ([(instance, {field: value})], one model) with one bulk update and
    append the audit entries of the rows that changed as one change. The caller read the
    rows in this transaction and holds them locked (`select_for_update`), so no version can
    have moved since; each row's version is bumped all the same. Values are the service's
    own (a computed rating): no `full_clean`."""
    if not changes:
        return []
    model = type(changes[0][0])
    fields = {name for _instance, values in changes for name in values}
    concrete = model._meta.concrete_fields
    fields.update(f.name for f in concrete if getattr(f, "auto_now", False))
    has_version = any(f.name == "version" for f in concrete)
    if has_version:
        fields.add("version")
    records = []
    for instance, values in changes:
        before = snapshot(instance)
        for name, value in values.items():
            setattr(instance, name, value)
        for f in concrete:
            if getattr(f, "auto_now", False):
                f.pre_save(instance, False)
        if has_version:
            instance.version += 1
        after = snapshot(instance)
        if before != after:
            records.append(AuditRecord(AuditAction.UPDATE, instance, before=before, after=after))
    model._default_manager.bulk_update([i for i, _v in changes], sorted(fields), batch_size=500)
    audit_record_many(actor=actor, organization=organization, records=records)
    return [i for i, _v in changes]


def delete_audited(
    *,
    actor,
    organization,
    instance: models.Model,
    verb: str | None = None,
    data: dict | None = None,
) -> None:
    before = snapshot(instance)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditAction.DELETE,
        instance=instance,
        before=before,
        verb=verb,
        data=data,
    )
    instance.delete()
