"""The yearly internal cycle as a due-date provider (core.modules.due_dates)."""

from resguardo.core.modules import DueDate, record_url

from .models import RecurringObligation


def internal_cycle(*, organization, start, end):
    """One query: the organization's active recurring obligations (a few dozen at most); the
    next date depends on the frequency, so the range is applied here."""
    url = record_url("obligations:cycle_detail")
    found = []
    rows = RecurringObligation.objects.filter(organization=organization, active=True).only(
        "pk",
        "title",
        "standard",
        "frequency_months",
        "last_done_on",
        "first_due_on",
        "owner_id",
        "site_id",
    )
    for row in rows:
        due_on = row.next_due_on
        if due_on > end or (start is not None and due_on < start):
            continue
        found.append(
            DueDate(
                key=f"obligations.cycle:{row.pk}",
                title=row.title,
                due_on=due_on,
                url=url(row.pk),
                standard=row.standard,
                site_id=row.site_id,
                owner_id=row.owner_id,
            )
        )
    return found
