"""The standard 9 indicators, from the inventory, the members and the restore tests."""

import datetime

import pytest
from django.utils import timezone

from resguardo.core.indicators import Status, read_indicators
from resguardo.core.models import Membership

from .. import services
from ..choices import AccountStatus, Decision, RestoreResult
from ..models import AccessReview, System
from .helpers import actor_of

pytestmark = pytest.mark.django_db


def _reading(world, key):
    return read_indicators([key], organization=world.org)[0]


def test_mfa_coverage_counts_members_with_two_factor_and_protected_accounts(world):
    carla = actor_of(world, world.carla)
    for user in (world.alice, world.carla):
        user.totp_enabled = True
        user.save()
    Membership.objects.filter(user=world.sam, organization=world.org).update(is_active=False)
    # Oscar's organization is not counted, whatever he uses.
    world.oscar.totp_enabled = True
    world.oscar.save()
    enforced = services.system_create(actor=carla, name="Correo", kind="email", mfa_enforced=True)
    services.account_create(actor=carla, system=enforced, account_name="a@norte")
    services.account_create(actor=carla, system=enforced, account_name="b@norte")
    services.account_create(
        actor=carla, system=enforced, account_name="c@norte", status=AccountStatus.DISABLED
    )
    loose = services.system_create(actor=carla, name="ERP", kind="erp")
    services.account_create(actor=carla, system=loose, account_name="x", mfa_enabled=True)
    services.account_create(actor=carla, system=loose, account_name="y")
    retired = services.system_create(actor=carla, name="Viejo", kind="other")
    services.account_create(actor=carla, system=retired, account_name="z")
    services.system_update(actor=carla, system=retired, is_active=False)

    result = _reading(world, "infosec.mfa_coverage")

    # Members: alice, carla (covered), sofia, audrey (not); sam is switched off.
    # Accounts: a, b (system enforces), x (uses it) covered; y not; c disabled, z retired.
    assert (result.reading.numerator, result.reading.denominator) == (5, 8)
    assert result.reading.value == 62.5
    assert result.status == Status.NOT_MET
    assert "5 of 8 accounts" in result.reading.detail


def test_access_review_age_is_the_oldest_last_review_and_a_new_system_starts_it(world):
    carla = actor_of(world, world.carla)
    assert _reading(world, "infosec.access_review_age").status == Status.NO_DATA
    system = services.system_create(actor=carla, name="SAAI", kind="clearance")
    System.objects.filter(pk=system.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=200)
    )
    result = _reading(world, "infosec.access_review_age")
    assert result.reading.value == 200 and "1 never reviewed" in result.reading.detail
    assert result.status == Status.NOT_MET
    services.account_create(actor=carla, system=system, account_name="u1")
    review = services.review_start(actor=carla, system=system)
    services.review_decide(actor=carla, item=review.items.get(), decision=Decision.KEEP)
    services.review_sign(actor=carla, review=review)
    AccessReview.objects.filter(pk=review.pk).update(
        signed_at=timezone.now() - datetime.timedelta(days=10)
    )
    result = _reading(world, "infosec.access_review_age")
    assert result.reading.value == 10
    assert result.status == Status.MET


def test_backup_restore_tested_counts_successful_tests_of_the_last_year(world):
    carla = actor_of(world, world.carla)
    today = timezone.localdate()
    saai = services.system_create(actor=carla, name="SAAI", kind="clearance")
    erp = services.system_create(actor=carla, name="ERP", kind="erp")
    mail = services.system_create(actor=carla, name="Correo", kind="email")
    services.restore_test_record(
        actor=carla, system=saai, tested_on=today - datetime.timedelta(days=30),
        result=RestoreResult.SUCCESS, scope="BD", performed_by="Jorge",
    )  # fmt: skip
    services.restore_test_record(
        actor=carla, system=erp, tested_on=today, result=RestoreResult.FAILED,
        scope="BD", performed_by="Jorge",
    )  # fmt: skip
    services.restore_test_record(
        actor=carla, system=mail, tested_on=today - datetime.timedelta(days=400),
        result=RestoreResult.SUCCESS, scope="Buzones", performed_by="Jorge",
    )  # fmt: skip
    result = _reading(world, "infosec.backup_restore_tested")
    assert (result.reading.numerator, result.reading.denominator) == (1, 3)
    assert result.status == Status.NOT_MET


def test_resguardo_row_follows_the_organization_two_factor_setting(world):
    carla = actor_of(world, world.carla)
    builtin = services.builtin_system_ensure(actor=carla)
    assert not builtin.mfa_enforced
    world.org.require_mfa = True
    world.org.save()
    carla = actor_of(world, world.carla)
    carla.membership.organization.refresh_from_db()
    builtin = services.builtin_system_ensure(actor=carla)
    assert builtin.mfa_enforced
    services.system_update(actor=carla, system=builtin, mfa_enforced=False, vendor="Propio")
    builtin.refresh_from_db()
    assert builtin.mfa_enforced and builtin.vendor == "Propio"
