"""Writes of the personnel register: the catalog, posts, people, photos,
acknowledgements, the policy, and the audit entries of reads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.audit import audit_record
from resguardo.core.choices import AuditAction
from resguardo.core.files import PHOTO, atomic_with_files, inspect_upload, store_upload
from resguardo.core.search import name_key
from resguardo.core.selectors import member_user_list
from resguardo.core.writes import create_audited, update_audited

from ..choices import AcknowledgedDocument, PersonKind
from ..models import (
    Acknowledgement,
    CheckItemType,
    Course,
    PeoplePolicy,
    Person,
    PersonPhoto,
    Post,
    PostCourse,
)
from .common import own, require_active, require_personnel, required_text


def default_check_items():
    """(name, evidence required, valid for months) of the checklist every agency starts with."""
    return [
        (_("Identity document"), True, None),
        (_("Personal and work references"), True, None),
        (_("Employment history"), True, None),
        (_("Criminal-record letter"), True, 12),
        (_("Address verification"), True, 12),
        (_("Socio-economic study"), True, 24),
        (_("Drug test"), True, 12),
    ]


def default_courses():
    return [
        (_("Threat awareness"), _("Threats to the supply chain and how to report them.")),
        (_("Internal conspiracy"), _("Recognising and reporting internal conspiracies.")),
        (_("Seal and inspection procedures"), _("ISO 17712 seals, VVTT and unit inspection.")),
        (_("Cyber hygiene and phishing"), _("Passwords, phishing and handling devices.")),
        (_("Anti-money-laundering"), _("Red flags and the duties of the LFPIORPI.")),
        (_("Incident reporting"), _("What to report, to whom and how fast.")),
    ]


@transaction.atomic
def catalog_seed(*, actor: Actor) -> tuple[int, int]:
    """Add the standard check items and courses the organization does not have yet."""
    require_personnel(actor)
    with translation.override(settings.LANGUAGE_CODE):
        return _catalog_seed(actor)


def _catalog_seed(actor) -> tuple[int, int]:
    """The names are stored as data: in the product's language (Spanish unless configured
    otherwise), whoever happens to press the button."""
    organization = actor.organization
    have_items = set(
        CheckItemType.objects.filter(organization=organization).values_list("name", flat=True)
    )
    have_courses = set(
        Course.objects.filter(organization=organization).values_list("name", flat=True)
    )
    items = courses = 0
    for position, (name, evidence, months) in enumerate(default_check_items(), start=1):
        if name not in have_items:
            create_audited(
                actor=actor.user,
                organization=organization,
                instance=CheckItemType(
                    organization=organization,
                    name=name,
                    evidence_required=evidence,
                    validity_months=months,
                    position=position,
                ),
            )
            items += 1
    for name, description in default_courses():
        if name not in have_courses:
            create_audited(
                actor=actor.user,
                organization=organization,
                instance=Course(organization=organization, name=name, description=description),
            )
            courses += 1
    return items, courses


@transaction.atomic
def check_item_type_create(*, actor, name, evidence_required=True, validity_months=None):
    require_personnel(actor)
    organization = actor.organization
    name = required_text(name, "name", _("Name the check item."))
    if CheckItemType.objects.filter(organization=organization, name__iexact=name).exists():
        raise ValidationError({"name": [_("There is already a check item with this name.")]})
    return create_audited(
        actor=actor.user,
        organization=organization,
        instance=CheckItemType(
            organization=organization,
            name=name,
            evidence_required=evidence_required,
            validity_months=validity_months,
            position=CheckItemType.objects.filter(organization=organization).count() + 1,
        ),
    )


def _post_rules(actor, required_checks, course_rules):
    for item in required_checks:
        own(actor, item, "required_checks", _("A check item of another organization was given."))
    rules = {}
    for course, months in course_rules:
        own(actor, course, "course_rules", _("A course of another organization was given."))
        months = months or course.default_refresh_months
        if months < 1:
            raise ValidationError(
                {"course_rules": [_("The refresh interval must be a month or more.")]}
            )
        rules[course.pk] = (course, months)
    return list(required_checks), rules


def _check_post_name(organization, name, pk=None):
    same = Post.objects.filter(organization=organization, name__iexact=name).exclude(pk=pk)
    if same.exists():
        raise ValidationError({"name": [_("There is already a post with this name.")]})


def _set_course_rules(actor, post, rules) -> None:
    organization = actor.organization
    current = {rule.course_id: rule for rule in post.course_rules.all()}
    for course_id, rule in current.items():
        if course_id not in rules:
            from resguardo.core.writes import delete_audited

            delete_audited(actor=actor.user, organization=organization, instance=rule)
    for course_id, (course, months) in rules.items():
        rule = current.get(course_id)
        if rule is None:
            create_audited(
                actor=actor.user,
                organization=organization,
                instance=PostCourse(
                    organization=organization, post=post, course=course, refresh_months=months
                ),
            )
        elif rule.refresh_months != months:
            update_audited(
                actor=actor.user,
                organization=organization,
                instance=rule,
                changes={"refresh_months": months},
            )


@transaction.atomic
def post_create(
    *, actor, name, sensitive=False, description="", required_checks=(), course_rules=()
) -> Post:
    """`course_rules`: (course, refresh months or None for the course's default) pairs."""
    require_personnel(actor)
    organization = actor.organization
    name = required_text(name, "name", _("Name the post."))
    _check_post_name(organization, name)
    checks, rules = _post_rules(actor, required_checks, course_rules)
    post = create_audited(
        actor=actor.user,
        organization=organization,
        instance=Post(
            organization=organization, name=name, sensitive=sensitive, description=description
        ),
        m2m={"required_checks": checks},
    )
    _set_course_rules(actor, post, rules)
    return post


@transaction.atomic
def post_update(
    *,
    actor,
    post,
    name,
    sensitive=False,
    description="",
    required_checks=(),
    course_rules=(),
    expected_version=None,
) -> Post:
    require_personnel(actor)
    own(actor, post, None)
    name = required_text(name, "name", _("Name the post."))
    _check_post_name(actor.organization, name, pk=post.pk)
    checks, rules = _post_rules(actor, required_checks, course_rules)
    post = update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=post,
        changes={"name": name, "sensitive": sensitive, "description": description},
        expected_version=expected_version,
        m2m={"required_checks": checks},
    )
    _set_course_rules(actor, post, rules)
    return post


PERSON_FIELDS = (
    "kind",
    "employee_number",
    "full_name",
    "post",
    "site",
    "provider",
    "hire_date",
    "email",
    "phone",
    "emergency_contact_name",
    "emergency_contact_phone",
    "user",
)


def _check_person(actor, data: dict, pk=None) -> dict:
    organization = actor.organization
    data = dict(data)
    data["employee_number"] = required_text(
        data.get("employee_number"), "employee_number", _("Give the employee number.")
    ).upper()
    data["full_name"] = " ".join(
        required_text(data.get("full_name"), "full_name", _("Give the person's name.")).split()
    )
    if data.get("post") is None:
        raise ValidationError({"post": [_("Choose the person's post.")]}, code="required")
    own(actor, data["post"], "post", _("This post belongs to another organization."))
    if data.get("site") is not None:
        own(actor, data["site"], "site", _("This site belongs to another organization."))
    if data.get("hire_date") is None:
        raise ValidationError({"hire_date": [_("Give the hire date.")]}, code="required")
    if data.get("kind") == PersonKind.CONTRACTOR and not (data.get("provider") or "").strip():
        raise ValidationError({"provider": [_("Name the provider a contractor comes from.")]})
    same_number = Person.objects.filter(
        organization=organization, employee_number=data["employee_number"]
    ).exclude(pk=pk)
    if same_number.exists():
        raise ValidationError(
            {
                "employee_number": [
                    _("Employee number %(n)s is already in the register.")
                    % {"n": data["employee_number"]}
                ]
            },
            code="duplicate",
        )
    user = data.get("user")
    if user is not None:
        members = member_user_list(membership=actor.membership, active_only=False)
        if not members.filter(pk=user.pk).exists():
            raise ValidationError(
                {"user": [_("This account is not a member of your organization.")]}
            )
        linked = Person.objects.filter(organization=organization, user=user).exclude(pk=pk)
        if linked.exists():
            raise ValidationError(
                {"user": [_("This account is already linked to another person.")]}
            )
    data["name_key"] = name_key(data["full_name"])
    return data


@transaction.atomic
def person_create(*, actor, **fields) -> Person:
    require_personnel(actor)
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    data = _check_person(actor, fields)
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Person(organization=actor.organization, **data),
        verb="person.registered",
    )


@transaction.atomic
def person_update(*, actor, person, expected_version=None, **fields) -> Person:
    require_personnel(actor)
    own(actor, person, None)
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    current = {name: getattr(person, name) for name in PERSON_FIELDS}
    data = _check_person(actor, {**current, **fields}, pk=person.pk)
    if person.departed_on and data["hire_date"] > person.departed_on:
        raise ValidationError({"hire_date": [_("The hire date is after the departure.")]})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=person,
        changes=data,
        expected_version=expected_version,
    )


@transaction.atomic
def person_file_read(*, actor, person) -> None:
    """Every read of a personnel file is written to the audit log (8.3: confidential data)."""
    require_personnel(actor)
    own(actor, person, None)
    audit_record(
        actor=actor.user,
        organization=actor.organization,
        action=AuditAction.READ,
        instance=person,
        verb="person.file_viewed",
        data={"person": person.full_name, "request": actor.request_id},
    )


@transaction.atomic
def personnel_exported(*, actor, rows: int, what: str) -> None:
    """An export of personnel data is a read of every file in it: one audit entry."""
    require_personnel(actor)
    audit_record(
        actor=actor.user,
        organization=actor.organization,
        action=AuditAction.READ,
        instance=actor.organization,
        verb="people.exported",
        data={"rows": rows, "what": what, "request": actor.request_id},
    )


@atomic_with_files
def person_photo_add(*, actor, person, photo, taken_on=None) -> PersonPhoto:
    require_personnel(actor)
    own(actor, person, None)
    taken_on = taken_on or timezone.localdate()
    if taken_on > timezone.localdate():
        raise ValidationError({"taken_on": [_("The photo date is in the future.")]})
    inspected = inspect_upload(photo, kind=PHOTO, field="photo")
    record = PersonPhoto(organization=actor.organization, person=person, taken_on=taken_on)
    store_upload(record, photo, inspected)
    create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=record,
        verb="person.photo_added",
        data={"person": person.full_name},
    )
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.photo_taken_on is None or taken_on > person.photo_taken_on:
        update_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=person,
            changes={"photo_taken_on": taken_on},
        )
    return record


@transaction.atomic
def acknowledgement_record(
    *, actor, person, document, version, signed_name, acknowledged_on=None
) -> Acknowledgement:
    require_personnel(actor)
    own(actor, person, "person")
    require_active(person)
    if document not in AcknowledgedDocument.values:
        raise ValidationError({"document": [_("Choose the document acknowledged.")]})
    version = required_text(version, "version", _("Give the version acknowledged."))
    signed_name = required_text(
        signed_name, "signed_name", _("The person types their name to sign.")
    )
    acknowledged_on = acknowledged_on or timezone.localdate()
    if acknowledged_on > timezone.localdate():
        raise ValidationError({"acknowledged_on": [_("The date is in the future.")]})
    if Acknowledgement.objects.filter(person=person, document=document, version=version).exists():
        raise ValidationError(
            {
                "version": [
                    _("%(person)s already acknowledged this version.")
                    % {"person": person.full_name}
                ]
            }
        )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Acknowledgement(
            organization=actor.organization,
            person=person,
            document=document,
            version=version,
            acknowledged_on=acknowledged_on,
            signed_name=signed_name,
        ),
        verb="person.acknowledged",
        data={"person": person.full_name, "version": version},
    )


POLICY_FIELDS = (
    "offboarding_hours",
    "recheck_months",
    "expiring_days",
    "code_of_conduct_version",
    "confidentiality_version",
)


@transaction.atomic
def policy_update(*, actor, expected_version=None, **fields) -> PeoplePolicy:
    require_personnel(actor)
    unknown = set(fields) - set(POLICY_FIELDS)
    if unknown:
        raise TypeError(f"unknown policy fields: {sorted(unknown)}")
    for name in ("offboarding_hours", "recheck_months"):
        if name in fields and (fields[name] is None or fields[name] < 1):
            raise ValidationError({name: [_("Give a whole number of 1 or more.")]})
    organization = actor.organization
    policy = PeoplePolicy.objects.select_for_update().filter(organization=organization).first()
    if policy is None:
        return create_audited(
            actor=actor.user,
            organization=organization,
            instance=PeoplePolicy(organization=organization, **fields),
        )
    return update_audited(
        actor=actor.user,
        organization=organization,
        instance=policy,
        changes=fields,
        expected_version=expected_version,
    )
