"""The annual fee (LFD art. 40 m): the amount per year an administrator enters, the payment
and its receipt."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.files import atomic_with_files
from resguardo.core.writes import create_audited, update_audited

from ..choices import DocumentKind
from ..models import AnnualFee
from .common import manager, store_document


def anniversary(granted_on: datetime.date, year: int) -> datetime.date:
    """The grant's day and month in `year` (29 February falls on the 28th)."""
    try:
        return granted_on.replace(year=year)
    except ValueError:
        return datetime.date(year, 2, 28)


def _check(*, year, due_on, amount, paid_on):
    errors = {}
    if due_on is not None and due_on.year != year:
        errors["due_on"] = [
            _("The due date of the %(year)s fee must fall in %(year)s.") % {"year": year}
        ]
    if paid_on is not None and paid_on > timezone.localdate():
        errors["paid_on"] = [_("The payment date cannot be in the future.")]
    if paid_on is not None and paid_on.year not in (year - 1, year):
        errors["paid_on"] = [
            _("A payment of the %(year)s fee is made in %(year)s (or in advance, the year before).")
            % {"year": year}
        ]
    if amount is not None and Decimal(amount) <= 0:
        errors["amount"] = [_("The amount must be more than zero.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def fee_record(*, actor, certification, year, amount=None, due_on=None) -> AnnualFee:
    """Enter the year's fee (the amount is data, it changes yearly)."""
    organization = manager(actor)
    if certification.granted_on is None:
        raise ValidationError({"year": [_("The certification has no grant date yet.")]})
    if year is None or year < certification.granted_on.year or year > 2100:
        raise ValidationError(
            {"year": [_("Choose a year from the grant (%(year)s) on.") % {
                "year": certification.granted_on.year}]}
        )  # fmt: skip
    due_on = due_on or anniversary(certification.granted_on, year)
    _check(year=year, due_on=due_on, amount=amount, paid_on=None)
    if AnnualFee.objects.filter(certification=certification, year=year).exists():
        raise ValidationError({"year": [_("The fee of this year is already recorded.")]})
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=AnnualFee(
            organization=organization,
            certification=certification,
            year=year,
            due_on=due_on,
            amount=amount,
        ),
        verb="certification.fee_recorded",
        data={"year": year},
    )


@transaction.atomic
def fee_update(*, actor, fee, expected_version=None, **changes) -> AnnualFee:
    organization = manager(actor)
    allowed = {"amount", "due_on", "payment_reference"}
    if set(changes) - allowed:
        raise TypeError(f"unknown fields: {sorted(set(changes) - allowed)}")
    _check(
        year=fee.year,
        due_on=changes.get("due_on", fee.due_on),
        amount=changes.get("amount", fee.amount),
        paid_on=fee.paid_on,
    )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=fee,
        changes=changes,
        expected_version=expected_version,
    )


@atomic_with_files
def fee_pay(*, actor, fee, paid_on, upload, payment_reference="", amount=None) -> AnnualFee:
    """Record the payment with its receipt."""
    organization = manager(actor)
    if fee.paid_on is not None:
        raise ValidationError({"paid_on": [_("This fee is already paid.")]})
    amount = amount if amount is not None else fee.amount
    errors = {}
    if paid_on is None:
        errors["paid_on"] = [_("Give the payment date.")]
    if amount is None:
        errors["amount"] = [_("Enter the amount of this year's fee.")]
    if upload is None:
        errors["upload"] = [_("Attach the payment receipt.")]
    if errors:
        raise ValidationError(errors)
    _check(year=fee.year, due_on=fee.due_on, amount=amount, paid_on=paid_on)
    store_document(
        actor=actor,
        organization=organization,
        upload=upload,
        kind=DocumentKind.FEE_RECEIPT,
        field="upload",
        title=_("Fee receipt %(year)s") % {"year": fee.year},
        fee=fee,
        certification=fee.certification,
    )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=fee,
        changes={
            "paid_on": paid_on,
            "amount": amount,
            "payment_reference": (payment_reference or "").strip(),
        },
        verb="certification.fee_paid",
        data={"year": fee.year},
    )
