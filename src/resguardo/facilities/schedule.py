"""Overdue and upcoming checks for the obligations calendar (the `due_dates` hook)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from resguardo.core.modules import DueDate

from .models import CheckType


def due_dates(*, organization, start, end):
    checks = CheckType.objects.filter(
        organization=organization, is_active=True, next_due_on__lte=end
    ).select_related("site")
    if start is not None:
        checks = checks.filter(next_due_on__gte=start)
    return [
        DueDate(
            key=f"facilities.check:{check.pk}",
            title=_("%(check)s at %(site)s") % {"check": check.name, "site": check.site.name},
            due_on=check.next_due_on,
            url=reverse("facilities:check_detail", args=[check.pk]),
            standard=2,
            site_id=check.site_id,
        )
        for check in checks
    ]
