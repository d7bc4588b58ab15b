"""Every read of the infosec module: the organization's rows, and nothing for a role that may
not read confidential records (see access.py)."""

import datetime

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from resguardo.core.models import Membership

from .access import can_read
from .choices import AccountStatus, CredentialStatus, Decision, RestoreResult, ReviewStatus
from .models import (
    AccessReview,
    AccessReviewItem,
    CredentialEvent,
    CyberEvent,
    DigitalCredential,
    DisposalRecord,
    DocumentType,
    RestoreTest,
    System,
    SystemAccount,
)


def _scoped(model, membership):
    if not can_read(membership):
        return model.objects.none()
    return model.objects.filter(organization=membership.organization)


def document_type_list(*, membership):
    return _scoped(DocumentType, membership).select_related("owner")


def document_type_get(*, membership, pk):
    return get_object_or_404(document_type_list(membership=membership), pk=pk)


def disposal_list(*, membership):
    return _scoped(DisposalRecord, membership).select_related("document_type", "recorded_by")


def disposal_get(*, membership, pk):
    return get_object_or_404(disposal_list(membership=membership), pk=pk)


def _last_signed_review():
    return (
        AccessReview.objects.filter(system=OuterRef("pk"), status=ReviewStatus.SIGNED)
        .order_by("-signed_at")
        .values("signed_at")[:1]
    )


def system_list(*, membership):
    return (
        _scoped(System, membership)
        .select_related("owner")
        .annotate(
            last_review_at=Subquery(_last_signed_review()),
            last_restore_on=Max(
                "restore_tests__tested_on",
                filter=Q(restore_tests__result=RestoreResult.SUCCESS),
            ),
            account_count=Count(
                "accounts",
                filter=Q(accounts__status__in=(AccountStatus.ACTIVE, AccountStatus.DISABLED)),
            ),
        )
        .order_by("-is_builtin", "name", "pk")
    )


def system_get(*, membership, pk):
    return get_object_or_404(system_list(membership=membership), pk=pk)


def account_list(*, membership):
    return _scoped(SystemAccount, membership).select_related("system", "user")


def account_get(*, membership, pk):
    return get_object_or_404(account_list(membership=membership), pk=pk)


def review_list(*, membership):
    return (
        _scoped(AccessReview, membership)
        .select_related("system", "started_by", "signed_by")
        .annotate(
            item_count=Count("items"),
            pending_count=Count("items", filter=Q(items__decision=Decision.PENDING)),
            revoked_count=Count("items", filter=Q(items__decision=Decision.REVOKE)),
        )
        .order_by("-started_on", "-pk")
    )


def review_get(*, membership, pk):
    return get_object_or_404(review_list(membership=membership), pk=pk)


def review_item_list(*, membership):
    return _scoped(AccessReviewItem, membership).select_related(
        "review", "review__system", "decided_by", "membership", "account"
    )


def review_item_get(*, membership, pk):
    return get_object_or_404(review_item_list(membership=membership), pk=pk)


def restore_test_list(*, membership):
    return _scoped(RestoreTest, membership).select_related("system", "recorded_by")


def restore_test_get(*, membership, pk):
    return get_object_or_404(restore_test_list(membership=membership), pk=pk)


def credential_list(*, membership):
    return _scoped(DigitalCredential, membership).select_related("custodian")


def credential_get(*, membership, pk):
    return get_object_or_404(credential_list(membership=membership), pk=pk)


def credential_event_list(*, membership):
    return _scoped(CredentialEvent, membership).select_related(
        "credential", "from_custodian", "to_custodian", "recorded_by"
    )


def credential_event_get(*, membership, pk):
    return get_object_or_404(credential_event_list(membership=membership), pk=pk)


def cyber_event_list(*, membership):
    return _scoped(CyberEvent, membership).select_related("system", "site", "reported_by")


def cyber_event_get(*, membership, pk):
    return get_object_or_404(cyber_event_list(membership=membership), pk=pk)


# --- figures shared by the indicators, the calendar and the overview page ----------------------


def review_due_on(system, last_review_at) -> datetime.date:
    """The next review: the interval after the last signed one; a system never reviewed is
    due from the day it was listed."""
    start = timezone.localtime(last_review_at or system.created_at).date()
    if last_review_at is None:
        return start
    return add_months(start, system.review_interval_months)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def systems_with_review_dates(organization):
    """Active systems with `last_review_at` (None when never signed)."""
    return (
        System.objects.filter(organization=organization, is_active=True)
        .annotate(last_review_at=Subquery(_last_signed_review()))
        .order_by("pk")
    )


def mfa_coverage(organization) -> tuple[int, int]:
    """(accounts protected by a second factor, accounts) over the inventory: Resguardo's
    current members (their own two-factor sign-in; `require_mfa` alone does not count until
    they have set it up), and the active accounts of the other systems in use (covered when
    the system enforces it or the account uses it)."""
    members = [
        m
        for m in Membership.objects.filter(organization=organization, is_active=True)
        .select_related("user")
        .only("expires_at", "is_active", "user__totp_enabled")
        if m.is_current
    ]
    covered = sum(1 for m in members if m.user.totp_enabled)
    accounts = SystemAccount.objects.filter(
        organization=organization,
        status=AccountStatus.ACTIVE,
        system__is_active=True,
        system__is_builtin=False,
    ).aggregate(
        total=Count("pk"),
        covered=Count("pk", filter=Q(system__mfa_enforced=True) | Q(mfa_enabled=True)),
    )
    return covered + accounts["covered"], len(members) + accounts["total"]


def restore_tested(organization, *, since: datetime.date) -> tuple[int, int, list]:
    """(systems with a successful restore test since `since`, active systems, untested ones)."""
    systems = list(
        System.objects.filter(organization=organization, is_active=True)
        .annotate(
            last_ok=Max(
                "restore_tests__tested_on",
                filter=Q(restore_tests__result=RestoreResult.SUCCESS),
            )
        )
        .order_by("name")
    )
    tested = [s for s in systems if s.last_ok is not None and s.last_ok >= since]
    return len(tested), len(systems), [s for s in systems if s not in tested]


def active_credentials(organization):
    return DigitalCredential.objects.filter(
        organization=organization, status=CredentialStatus.ACTIVE
    )
