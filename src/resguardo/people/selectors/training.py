"""Reads of the training records and the training matrix (people × courses)."""

import datetime
from dataclasses import dataclass, field

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
    )


def session_get(*, membership, pk):
    return get_object_or_404(session_list(membership=membership), pk=pk)


def attendance_list(*, membership):
    return _own(Attendance, membership).select_related("person", "session", "course")


@dataclass(frozen=True)
class Cell:
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


def matrix_for(*, organization, people, today=None) -> Matrix:
    """Four queries whatever the size: people, courses, post rules, last attendance."""
    today = today or timezone.localdate()
    expiring_days = policy_get(organization=organization).expiring_days
    people = list(
        people.select_related(None)
        .select_related("post")
        .only("pk", "full_name", "employee_number", "post_id", "post__name")
    )
    courses = list(Course.objects.filter(organization=organization).only("pk", "name"))
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
    for person in people:
        required = rules.get(person.post_id, {})
        cells = []
        for course in courses:
            held_on = last.get((person.pk, course.pk))
            months = required.get(course.pk)
            if months is None:
                cells.append(Cell("", None, held_on))
                continue
            state, expires = training_state(held_on, months, today, expiring_days)
            counts[state] += 1
            cells.append(Cell(state, expires, held_on))
        matrix.rows.append(MatrixRow(person, cells))
    return matrix
