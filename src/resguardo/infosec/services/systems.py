"""The system inventory, accounts on each system and restore tests of their backups."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.files import EVIDENCE, atomic_with_files, inspect_upload, store_upload
from resguardo.core.writes import create_audited, update_audited

from ..choices import AccountStatus, SystemKind
from ..models import RestoreTest, System, SystemAccount
from .common import acting, changed, require_member, require_not_future, require_own

RESGUARDO_NAME = "Resguardo"


def _unique_name(organization, name, *, exclude=None) -> None:
    same = System.objects.filter(organization=organization, name__iexact=name)
    if exclude is not None:
        same = same.exclude(pk=exclude.pk)
    if same.exists():
        raise ValidationError(
            {"name": _("A system with this name is already in the inventory.")},
            code="duplicate",
        )


@transaction.atomic
def builtin_system_ensure(*, actor) -> System:
    """Resguardo's own row in the inventory (its accounts are the memberships). Made once per
    organization, the first time someone who manages the inventory opens it; its two-factor
    flag follows the organization's "require two-factor authentication" setting."""
    organization = acting(actor)
    found = System.objects.filter(organization=organization, is_builtin=True).first()
    if found is not None:
        if found.mfa_enforced != organization.require_mfa:  # the organization setting rules
            update_audited(
                actor=actor.user,
                organization=organization,
                instance=found,
                changes={"mfa_enforced": organization.require_mfa},
            )
        return found
    name = RESGUARDO_NAME
    if System.objects.filter(organization=organization, name__iexact=name).exists():
        name = f"{RESGUARDO_NAME} (OEA)"
    system = System(
        organization=organization,
        name=name,
        kind=SystemKind.RESGUARDO,
        vendor="Resguardo",
        mfa_enforced=organization.require_mfa,
        is_builtin=True,
    )
    return create_audited(actor=actor.user, organization=organization, instance=system)


@transaction.atomic
def system_create(
    *,
    actor,
    name,
    kind,
    vendor="",
    owner=None,
    mfa_enforced=False,
    backup_frequency="none",
    backup_arrangement="",
    review_interval_months=3,
    notes="",
) -> System:
    organization = acting(actor)
    if kind == SystemKind.RESGUARDO:
        raise ValidationError(
            {"kind": _("Resguardo is already in the inventory as a built-in system.")},
            code="builtin",
        )
    require_member(actor, owner, field="owner")
    _unique_name(organization, name)
    system = System(
        organization=organization,
        name=name,
        kind=kind,
        vendor=vendor,
        owner=owner,
        mfa_enforced=mfa_enforced,
        backup_frequency=backup_frequency,
        backup_arrangement=backup_arrangement,
        review_interval_months=review_interval_months,
        notes=notes,
    )
    return create_audited(actor=actor.user, organization=organization, instance=system)


@transaction.atomic
def system_update(*, actor, system, expected_version=None, **changes) -> System:
    organization = acting(actor)
    require_own(actor, system, field="system", message=_("Unknown system."))
    if system.is_builtin:
        if changes.get("kind", system.kind) != SystemKind.RESGUARDO:
            raise ValidationError({"kind": _("Resguardo's own row keeps its kind.")})
        if changes.get("is_active", True) is False:
            raise ValidationError({"is_active": _("Resguardo is always in use here.")})
        # two-factor sign-in for Resguardo is the organization's setting, not this row's
        changes.pop("mfa_enforced", None)
    elif changes.get("kind") == SystemKind.RESGUARDO:
        raise ValidationError(
            {"kind": _("Resguardo is already in the inventory as a built-in system.")}
        )
    if "owner" in changes:
        require_member(actor, changes["owner"], field="owner")
    _unique_name(organization, changes.get("name", system.name), exclude=system)
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=system,
        changes=changed(system, changes),
        expected_version=expected_version,
    )


def _require_external(system) -> None:
    if system.is_builtin:
        raise ValidationError(
            {"system": _("Resguardo's accounts are its members: manage them under Members.")},
            code="builtin",
        )


def check_account_user(actor, user, *, field="user") -> None:
    require_member(actor, user, field=field)


@transaction.atomic
def account_create(
    *,
    actor,
    system,
    account_name,
    person_name="",
    employee_number="",
    user=None,
    privileges="",
    mfa_enabled=False,
    status=AccountStatus.ACTIVE,
) -> SystemAccount:
    organization = acting(actor)
    require_own(actor, system, field="system", message=_("Unknown system."))
    _require_external(system)
    check_account_user(actor, user)
    if SystemAccount.objects.filter(system=system, account_name__iexact=account_name).exists():
        raise ValidationError(
            {"account_name": _("This system already has an account with this name.")},
            code="duplicate",
        )
    account = SystemAccount(
        organization=organization,
        system=system,
        account_name=account_name,
        person_name=person_name,
        employee_number=employee_number,
        user=user,
        privileges=privileges,
        mfa_enabled=mfa_enabled,
        status=status,
    )
    return create_audited(actor=actor.user, organization=organization, instance=account)


@transaction.atomic
def account_update(*, actor, account, expected_version=None, **changes) -> SystemAccount:
    organization = acting(actor)
    require_own(actor, account, field="account", message=_("Unknown account."))
    if "user" in changes:
        check_account_user(actor, changes["user"])
    name = changes.get("account_name", account.account_name)
    if (
        SystemAccount.objects.filter(system=account.system, account_name__iexact=name)
        .exclude(pk=account.pk)
        .exists()
    ):
        raise ValidationError(
            {"account_name": _("This system already has an account with this name.")},
            code="duplicate",
        )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=account,
        changes=changed(account, changes),
        expected_version=expected_version,
    )


@atomic_with_files
def restore_test_record(
    *,
    actor,
    system,
    tested_on,
    result,
    scope,
    performed_by,
    minutes_taken=None,
    notes="",
    evidence=None,
) -> RestoreTest:
    organization = acting(actor)
    require_own(actor, system, field="system", message=_("Unknown system."))
    require_not_future(tested_on, field="tested_on")
    test = RestoreTest(
        organization=organization,
        system=system,
        tested_on=tested_on,
        result=result,
        scope=scope,
        performed_by=performed_by,
        minutes_taken=minutes_taken,
        notes=notes,
        recorded_by=actor.user,
    )
    if evidence is not None:
        store_upload(test, evidence, inspect_upload(evidence, kind=EVIDENCE, field="evidence"))
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=test,
        verb="infosec_restore_test.recorded",
    )
