"""Small helpers shared by the partner services."""

import calendar
import datetime

from ..models import PartnerPolicy


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def policy_for(organization) -> PartnerPolicy:
    """The organization's policy, or the defaults (unsaved) when it never changed them."""
    policy = PartnerPolicy.objects.filter(organization=organization).first()
    return policy or PartnerPolicy(organization=organization)
