"""Building blocks every service uses: validate, save, bump the version, audit."""

from django.db import models
from django.db.models import F

from .audit import audit_record, snapshot
from .choices import AuditAction
from .exceptions import ConcurrentEditError


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
    instance.full_clean()
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
