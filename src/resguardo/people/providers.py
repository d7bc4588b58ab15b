"""The obligations the people module gives the calendar through the registry: re-checks,
course expiries, photo renewals and departure deadlines."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import DueDate
from resguardo.core.permissions import Perm

from .choices import PersonStatus
from .models import Departure, Person
from .models.register import PHOTO_MAX_AGE_YEARS
from .rules import add_months, recheck_due_on
from .selectors import policy_get
from .selectors.training import matrix_for

PERM = Perm.MANAGE_COMPLIANCE  # personnel data: admin and compliance only


def _in(day, start, end) -> bool:
    return day is not None and day <= end and (start is None or day >= start)


def _person_url(pk) -> str:
    return reverse("people:person_detail", args=[pk])


def _rechecks(organization, start, end, policy):
    people = Person.objects.filter(
        organization=organization, status=PersonStatus.ACTIVE, cleared_on__isnull=False
    ).select_related("post")
    for person in people:
        due = recheck_due_on(person, recheck_months=policy.recheck_months)
        if _in(due, start, end):
            yield DueDate(
                key=f"people.recheck:{person.pk}",
                title=_("Background re-check: %(person)s") % {"person": person.full_name},
                due_on=due,
                url=_person_url(person.pk),
                standard=8,
                site_id=person.site_id,
                perm=PERM,
            )


def _photos(organization, start, end):
    people = Person.objects.filter(
        organization=organization, status=PersonStatus.ACTIVE, photo_taken_on__isnull=False
    ).only("pk", "full_name", "employee_number", "site_id", "photo_taken_on")
    for person in people:
        due = add_months(person.photo_taken_on, 12 * PHOTO_MAX_AGE_YEARS)
        if _in(due, start, end):
            yield DueDate(
                key=f"people.photo:{person.pk}",
                title=_("New photo for the personnel file: %(person)s")
                % {"person": person.full_name},
                due_on=due,
                url=_person_url(person.pk),
                standard=8,
                site_id=person.site_id,
                perm=PERM,
            )


def _training(organization, start, end):
    people = Person.objects.filter(organization=organization, status=PersonStatus.ACTIVE)
    matrix = matrix_for(organization=organization, people=people)
    for row in matrix.rows:
        for course, cell in zip(matrix.courses, row.cells, strict=True):
            if cell.state and _in(cell.expires_on, start, end):
                yield DueDate(
                    key=f"people.training:{row.person.pk}:{course.pk}",
                    title=_("%(course)s expires for %(person)s")
                    % {"course": course.name, "person": row.person.full_name},
                    due_on=cell.expires_on,
                    url=reverse("people:training_matrix"),
                    standard=10,
                    perm=PERM,
                )


def _departures(organization, start, end):
    departures = Departure.objects.filter(
        organization=organization, completed_at__isnull=True
    ).select_related("person")
    for departure in departures:
        due = timezone.localtime(departure.deadline).date()
        if _in(due, start, end):
            yield DueDate(
                key=f"people.departure:{departure.pk}",
                title=_("Departure checklist of %(person)s")
                % {"person": departure.person.full_name},
                due_on=due,
                url=reverse("people:departure_detail", args=[departure.pk]),
                standard=8,
                site_id=departure.person.site_id,
                perm=PERM,
            )


def due_dates(*, organization, start, end):
    policy = policy_get(organization=organization)
    return [
        *_rechecks(organization, start, end, policy),
        *_photos(organization, start, end),
        *_training(organization, start, end),
        *_departures(organization, start, end),
    ]
