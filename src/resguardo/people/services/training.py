"""Training (10.1): courses, sessions and attendance."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.files import EVIDENCE, atomic_with_files, inspect_upload, store_upload
from resguardo.core.writes import create_audited

from ..choices import PersonStatus
from ..models import Attendance, Course, Person, TrainingSession
from .common import own, require_personnel, required_text


@transaction.atomic
def course_create(*, actor, name, description="", default_refresh_months=12) -> Course:
    require_personnel(actor)
    organization = actor.organization
    name = required_text(name, "name", _("Name the course."))
    if Course.objects.filter(organization=organization, name__iexact=name).exists():
        raise ValidationError({"name": [_("There is already a course with this name.")]})
    if not default_refresh_months or default_refresh_months < 1:
        raise ValidationError({"default_refresh_months": [_("Give a whole number of 1 or more.")]})
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=Course(
            organization=organization,
            name=name,
            description=description,
            default_refresh_months=default_refresh_months,
        ),
    )


@transaction.atomic
def session_create(*, actor, course, held_on, instructor, place="", site=None) -> TrainingSession:
    require_personnel(actor)
    own(actor, course, "course", _("This course belongs to another organization."))
    if site is not None:
        own(actor, site, "site", _("This site belongs to another organization."))
    if held_on is None:
        raise ValidationError({"held_on": [_("Give the date of the session.")]})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [_("Record a session once it has been held.")]})
    instructor = required_text(instructor, "instructor", _("Name the instructor."))
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=TrainingSession(
            organization=actor.organization,
            course=course,
            held_on=held_on,
            instructor=instructor,
            place=place,
            site=site,
        ),
        verb="training.session_recorded",
        data={"course": course.name},
    )


def _attendee(actor, employee_number):
    number = (employee_number or "").strip().upper()
    person = Person.objects.filter(organization=actor.organization, employee_number=number).first()
    if person is None:
        raise ValidationError(
            {
                "employee_number": [
                    _("No one with employee number “%(n)s” is in the register.") % {"n": number}
                ]
            },
            code="not_registered",
        )
    if person.status != PersonStatus.ACTIVE:
        raise ValidationError(
            {
                "employee_number": [
                    _("%(person)s has left the organization.") % {"person": person.full_name}
                ]
            }
        )
    return person


@atomic_with_files
def attendance_add(
    *, actor, session, employee_number, signed_name, score=None, passed=True, certificate=None
) -> Attendance:
    """One attendee, named by employee number: someone not in the register is refused. The
    typed name is the signature captured on the tablet."""
    require_personnel(actor)
    own(actor, session, None)
    person = _attendee(actor, employee_number)
    signed_name = required_text(
        signed_name, "signed_name", _("The attendee types their name to sign.")
    )
    if Attendance.objects.filter(session=session, person=person).exists():
        raise ValidationError(
            {
                "employee_number": [
                    _("%(person)s is already on this session's list.")
                    % {"person": person.full_name}
                ]
            }
        )
    if score is not None and not (0 <= score <= 100):
        raise ValidationError({"score": [_("The score goes from 0 to 100.")]})
    attendance = Attendance(
        organization=actor.organization,
        session=session,
        person=person,
        course_id=session.course_id,
        held_on=session.held_on,
        signed_name=signed_name,
        score=score,
        passed=passed,
    )
    if certificate is not None:
        store_upload(
            attendance, certificate, inspect_upload(certificate, kind=EVIDENCE, field="certificate")
        )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=attendance,
        verb="training.attended",
        data={"person": person.full_name, "course": session.course.name},
    )
