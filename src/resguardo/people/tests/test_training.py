"""Training: attendance only for people in the register; the matrix and its export."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from resguardo.people import services
from resguardo.people.indicators import training_coverage
from resguardo.people.models import Attendance

from .factories import actor_for, catalog, person, post


@pytest.fixture
def setup(world):
    _items, courses = catalog(world)
    threat, seals, phishing = courses[0], courses[2], courses[3]
    the_post = post(world, "Operador de patio", courses=[(threat, 12), (seals, 12), (phishing, 12)])
    luis = person(world, the_post, number="E-120", name="Luis Hernández")
    return {"luis": luis, "threat": threat, "seals": seals, "phishing": phishing}


def _session(world, course, days_ago):
    return services.session_create(
        actor=actor_for(world),
        course=course,
        held_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        instructor="Lic. Fuentes",
    )


def test_an_attendee_not_in_the_register_is_refused_naming_the_field(world, setup):
    session = _session(world, setup["threat"], 1)
    with pytest.raises(ValidationError) as error:
        services.attendance_add(
            actor=actor_for(world), session=session, employee_number="X-999", signed_name="Nadie"
        )
    assert "X-999" in error.value.message_dict["employee_number"][0]
    assert not Attendance.objects.exists()


def test_the_tablet_form_names_the_unknown_attendee(world, setup, client_for):
    session = _session(world, setup["threat"], 1)
    response = client_for(world.carla).post(
        reverse("people:session_detail", args=[session.pk]),
        {"employee_number": "X-999", "signed_name": "Nadie"},
    )
    assert response.status_code == 200
    assert "No one with employee number “X-999” is in the register." in response.content.decode()


def test_the_matrix_marks_an_expired_course(world, setup, client_for):
    luis = setup["luis"]
    for course, days_ago in (
        (setup["threat"], 400),
        (setup["seals"], 350),
        (setup["phishing"], 30),
    ):
        session = _session(world, course, days_ago)
        services.attendance_add(
            actor=actor_for(world),
            session=session,
            employee_number=luis.employee_number,
            signed_name=luis.full_name,
            score=90,
        )
    response = client_for(world.carla).get(reverse("people:training_matrix"))
    page = response.content.decode()
    assert response.status_code == 200
    row = page[page.index("Luis Hernández") :]
    row = row[: row.index("</tr>")]
    assert row.count("Expired") == 1 and row.count("Expiring") == 1 and row.count("Current") == 1
    assert round(training_coverage(world.org).value) == 67

    export = client_for(world.carla).get(reverse("people:training_matrix_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    header, luis_row = values[0], values[1]
    assert luis_row[header.index(setup["threat"].name)].startswith("Expired")
    assert luis_row[header.index(setup["phishing"].name)].startswith("Current")


def test_a_required_course_never_taken_is_missing_and_a_failed_one_does_not_count(world, setup):
    luis = setup["luis"]
    session = _session(world, setup["threat"], 10)
    services.attendance_add(
        actor=actor_for(world),
        session=session,
        employee_number="e-120",
        signed_name=luis.full_name,
        score=40,
        passed=False,
    )
    from resguardo.people.selectors import training_matrix

    matrix = training_matrix(membership=world.membership(world.carla))
    assert matrix.counts["missing"] == 3 and training_coverage(world.org).value == 0


def test_course_expiries_feed_the_calendar(world, setup):
    from resguardo.core.modules import due_dates

    luis = setup["luis"]
    session = _session(world, setup["seals"], 350)
    services.attendance_add(
        actor=actor_for(world), session=session, employee_number="E-120", signed_name=luis.full_name
    )
    end = timezone.localdate() + datetime.timedelta(days=30)
    keys = {d.key for d in due_dates(organization=world.org, start=timezone.localdate(), end=end)}
    assert f"people.training:{luis.pk}:{setup['seals'].pk}" in keys
