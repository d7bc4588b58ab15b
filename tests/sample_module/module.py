"""The sample module's indicator, demo seeder and due-date provider."""

from resguardo.core.indicators import Direction, Indicator, Reading, Unit
from resguardo.core.modules import DueDate, HeldItem

from .models import SampleNote


def notes_count(organization, site=None) -> Reading:
    count = SampleNote.objects.filter(organization=organization).count()
    return Reading(count, f"{count} notes", count)


INDICATORS = [
    Indicator(
        key="sample.notes",
        label="Sample notes",
        unit=Unit.COUNT,
        target=0,
        direction=Direction.HIGHER_IS_BETTER,
        compute=notes_count,
    )
]


def seed(context) -> None:
    SampleNote.objects.create(
        organization=context.organization,
        site=context.sites["matriz"],
        title="Nota de demostración",
    )


def due_dates(*, organization, start, end):
    notes = SampleNote.objects.filter(organization=organization, due_on__lte=end)
    if start is not None:
        notes = notes.filter(due_on__gte=start)
    return [
        DueDate(
            key=f"sample.note:{note.pk}",
            title=note.title,
            due_on=note.due_on,
            standard=2,
            site_id=note.site_id,
        )
        for note in notes
    ]


def held_items(*, organization, user, employee_number, full_name):
    """Notes titled with the person's employee number stand for something they hold."""
    if not employee_number:
        return []
    notes = SampleNote.objects.filter(organization=organization, title__contains=employee_number)
    return [HeldItem(key=f"sample.note:{n.pk}", kind="Note", label=n.title) for n in notes]
