"""What the people module gives the rest of Resguardo through the registry: obligations for
the calendar (re-checks, course expiries, photo renewals, gafete expiries, departure
deadlines) and the customs gafetes a departing person still holds."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resguardo.core.modules import DueDate, HeldItem
from resguardo.core.permissions import Perm

from .choices import GafeteStatus, PersonStatus
from .models import Departure, Gafete, Person
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


def _gafetes(organization, start, end):
    gafetes = Gafete.objects.filter(
        organization=organization, status=GafeteStatus.ACTIVE, expires_on__lte=end
    ).select_related("person")
    if start is not None:
        gafetes = gafetes.filter(expires_on__gte=start)
    for gafete in gafetes:
        yield DueDate(
            key=f"people.gafete:{gafete.pk}",
            title=_("Gafete %(number)s of %(person)s expires")
            % {"number": gafete.number, "person": gafete.person.full_name},
            due_on=gafete.expires_on,
            url=_person_url(gafete.person_id),
            standard=6,
            site_id=gafete.person.site_id,
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
        *_gafetes(organization, start, end),
        *_departures(organization, start, end),
    ]


def held_items(*, organization, user, employee_number, full_name):
    """The customs gafetes recorded here that the person has not given back."""
    if not employee_number:
        return []
    gafetes = Gafete.objects.filter(
        organization=organization,
        person__employee_number=employee_number,
        status=GafeteStatus.ACTIVE,
    )
    return [
        HeldItem(
            key=f"people.gafete:{gafete.pk}",
            kind=str(_("Customs gafete")),
            label=" · ".join(filter(None, [gafete.number, gafete.aduana])),
            url=_person_url(gafete.person_id),
        )
        for gafete in gafetes
    ]
