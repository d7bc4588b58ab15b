"""Reads of the training records and the training matrix (people × courses)."""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from django.db.models import Count, Max
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..choices import PersonStatus, TrainingState
from ..models import Attendance, Course, PostCourse, TrainingSession
from ..rules import training_state
from .register import _own, person_list, policy_get


def course_list(*, membership):
    """The catalog is not personal data: every member may read it."""
    return Course.objects.filter(organization=membership.organization)


def course_get(*, membership, pk):
    return get_object_or_404(course_list(membership=membership), pk=pk)


def session_list(*, membership):
    return (
        _own(TrainingSession, membership)
        .select_related("course", "site")
        .annotate(attendee_count=Count("attendances"))
        .order_by("-held_on", "-pk")
    )


def session_get(*, membership, pk):
    return get_object_or_404(session_list(membership=membership), pk=pk)


def attendance_list(*, membership):
    return _own(Attendance, membership).select_related("person", "session", "course")


class Cell(NamedTuple):
    """A named tuple: the matrix makes tens of thousands of them."""

    state: str  # TrainingState, or "" when the post does not require the course
    expires_on: datetime.date | None
    last_on: datetime.date | None


@dataclass
class MatrixRow:
    person: object
    cells: list[Cell]


@dataclass
class Matrix:
    courses: list
    rows: list[MatrixRow] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # TrainingState -> cells

    @property
    def required(self) -> int:
        return sum(self.counts.values())

    @property
    def coverage(self) -> float | None:
        """Share of required courses current or expiring (not yet expired)."""
        if not self.required:
            return None
        done = self.counts[TrainingState.CURRENT] + self.counts[TrainingState.EXPIRING]
        return 100 * done / self.required


def training_matrix(*, membership, people=None, today=None) -> Matrix:
    """Every active person the member may read (or those given, from person_list) against
    every course."""
    if people is None:
        people = person_list(membership=membership).filter(status=PersonStatus.ACTIVE)
    return matrix_for(organization=membership.organization, people=people, today=today)


class MatrixPerson(NamedTuple):
    pk: int
    full_name: str
    employee_number: str
    post_id: int
    post_name: str


def matrix_for(*, organization, people, today=None) -> Matrix:
    """Four queries whatever the size: people, courses, post rules, last attendance. Plain
    tuples all the way: the loop below runs once per cell (60,000 for 2,000 people)."""
    today = today or timezone.localdate()
    expiring_days = policy_get(organization=organization).expiring_days
    rows = [
        MatrixPerson(*values)
        for values in people.select_related(None)
        .order_by("name_key", "pk")
        .values_list("pk", "full_name", "employee_number", "post_id", "post__name")
    ]
    courses = list(Course.objects.filter(organization=organization).only("pk", "name"))
    course_ids = [course.pk for course in courses]
    rules: dict[int, dict[int, int]] = {}
    for post_id, course_id, months in PostCourse.objects.filter(
        organization=organization
    ).values_list("post_id", "course_id", "refresh_months"):
        rules.setdefault(post_id, {})[course_id] = months
    last = {
        (person_id, course_id): held_on
        for person_id, course_id, held_on in Attendance.objects.filter(
            organization=organization, passed=True
        )
        .values("person_id", "course_id")
        .annotate(last=Max("held_on"))
        .values_list("person_id", "course_id", "last")
        .order_by()
    }
    counts = dict.fromkeys(TrainingState, 0)
    matrix = Matrix(courses=courses, counts=counts)
    # Attendance dates repeat (one per session): each (date, interval) is computed once.
    cell_of = lru_cache(maxsize=None)(
        lambda held_on, months: Cell(
            *training_state(held_on, months, today, expiring_days), held_on
        )
    )
    not_required = lru_cache(maxsize=None)(lambda held_on: Cell("", None, held_on))
    find = last.get
    for person in rows:
        required = rules.get(person.post_id, {})
        cells = []
        pk = person.pk
        for course_id in course_ids:
            held_on = find((pk, course_id))
            months = required.get(course_id)
            if months is None:
                cells.append(not_required(held_on))
                continue
            cell = cell_of(held_on, months)
            counts[cell.state] += 1
            cells.append(cell)
        matrix.rows.append(MatrixRow(person, cells))
    return matrix
