"""Due dates (obligations calendar) and held items (departure checklist) of this module."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from resguardo.core.modules import DueDate, HeldItem

from . import selectors
from .access import READ_PERM
from .choices import AccountStatus, CredentialStatus
from .models import DigitalCredential, SystemAccount


def _in_range(day, start, end) -> bool:
    return day <= end and (start is None or day >= start)


def due_dates(*, organization, start, end) -> list[DueDate]:
    found = []
    # Access reviews: one query for the systems with their last signed review.
    for system in selectors.systems_with_review_dates(organization):
        due_on = selectors.review_due_on(system, system.last_review_at)
        if _in_range(due_on, start, end):
            found.append(
                DueDate(
                    key=f"infosec.access_review:{system.pk}",
                    title=_("Access review of %(system)s") % {"system": system.name},
                    due_on=due_on,
                    url=reverse("infosec:system_detail", args=[system.pk]),
                    standard=9,
                    owner_id=system.owner_id,
                    perm=READ_PERM,
                )
            )
    credentials = DigitalCredential.objects.filter(
        organization=organization, status=CredentialStatus.ACTIVE, expires_on__lte=end
    )
    if start is not None:
        credentials = credentials.filter(expires_on__gte=start)
    for credential in credentials:
        found.append(
            DueDate(
                key=f"infosec.credential:{credential.pk}",
                title=_("%(credential)s expires: renew it") % {"credential": credential},
                due_on=credential.expires_on,
                url=reverse("infosec:credential_detail", args=[credential.pk]),
                standard=9,
                owner_id=credential.custodian_id,
                perm=READ_PERM,
            )
        )
    return found


def held_items(*, organization, user, employee_number, full_name) -> list[HeldItem]:
    """Accounts on inventoried systems (matched by linked user or employee number) and digital
    credentials in the person's custody."""
    match = None
    if user is not None:
        match = Q(user=user)
    if employee_number:
        by_number = Q(employee_number__iexact=employee_number)
        match = by_number if match is None else match | by_number
    items = []
    if match is not None:
        accounts = (
            SystemAccount.objects.filter(match, organization=organization)
            .filter(status__in=(AccountStatus.ACTIVE, AccountStatus.DISABLED))
            .select_related("system")
            .order_by("system__name", "account_name")
        )
        items += [
            HeldItem(
                key=f"infosec.account:{a.pk}",
                kind=_("System account"),
                label=f"{a.system.name}: {a.account_name}",
                url=reverse("infosec:system_detail", args=[a.system_id]),
            )
            for a in accounts
        ]
    if user is not None:
        credentials = DigitalCredential.objects.filter(
            organization=organization, custodian=user, status=CredentialStatus.ACTIVE
        )
        items += [
            HeldItem(
                key=f"infosec.credential:{c.pk}",
                kind=_("Digital credential"),
                label=str(c),
                url=reverse("infosec:credential_detail", args=[c.pk]),
            )
            for c in credentials
        ]
    return items
