"""Norte's people records for the cross-app walks (tests/integration): a post, a person with a
photo and an acknowledgement, a background check with evidence, a departed person
with a checklist, a training session with a certificate. Built through the services."""

import datetime

from django.utils import timezone

from resguardo.testing.walk import WalkFixtures

from .. import services
from ..models import Attendance, CheckItem, DepartureItem, PersonPhoto
from .factories import actor_for, customs_badge, jpeg, pdf

MARKERS = [
    "Walkiria Personal Norte",
    "WLK-0001",
    "Partida Walk Norte",
    "Antecedentes Walk Norte",
    "Curso Walk Norte",
]


def norte_people(w):
    if hasattr(w, "_people"):
        return w._people
    world = getattr(w, "world", w)
    actor = actor_for(world, world.carla)
    # The walk's own catalog, with names no other page shows (the standard catalog is data in
    # the language it was seeded in, which the language walks would read as chrome).
    items = [
        services.check_item_type_create(actor=actor, name=f"Antecedentes Walk Norte {n}")
        for n in (1, 2)
    ]
    courses = [services.course_create(actor=actor, name="Curso Walk Norte")]
    post = services.post_create(
        actor=actor,
        name="Puesto Walk",
        sensitive=True,
        required_checks=items[:2],
        course_rules=[(courses[0], 12)],
    )
    today = timezone.localdate()
    hired = today - datetime.timedelta(days=500)
    person = services.person_create(
        actor=actor,
        kind="employee",
        employee_number="WLK-0001",
        full_name="Walkiria Personal Norte",
        post=post,
        site=world.yard,
        hire_date=hired,
    )
    leaver = services.person_create(
        actor=actor,
        kind="mandatario",
        employee_number="WLK-0002",
        full_name="Partida Walk Norte",
        post=post,
        site=world.yard,
        hire_date=hired,
    )
    services.person_photo_add(actor=actor, person=person, photo=jpeg(), taken_on=today)
    customs_badge(world, "Partida Walk Norte", number="GAF-WALK-2")
    services.acknowledgement_record(
        actor=actor, person=person, document="code_of_conduct", version="1", signed_name="Walkiria"
    )
    check = services.check_start(actor=actor, person=person)
    item = check.items.first()
    services.check_item_record(
        actor=actor, item=item, result="satisfactory", done_on=today, evidence=pdf()
    )
    departure = services.departure_record(
        actor=actor, person=leaver, left_at=timezone.now(), reason="resignation"
    )
    session = services.session_create(
        actor=actor, course=courses[0], held_on=today, instructor="Walk"
    )
    attendance = services.attendance_add(
        actor=actor,
        session=session,
        employee_number="WLK-0001",
        signed_name="Walkiria",
        certificate=pdf(),
    )
    w._people = {
        "post": post,
        "person": person,
        "photo": PersonPhoto.objects.get(person=person),
        "check": check,
        "item": CheckItem.objects.get(pk=item.pk),
        "departure": departure,
        "departure_item": DepartureItem.objects.filter(departure=departure).first(),
        "session": session,
        "attendance": Attendance.objects.get(pk=attendance.pk),
        "course": courses[0],
        "check_item_type": items[0],
    }
    return w._people


def pk_of(name):
    return lambda w: {"pk": norte_people(w)[name].pk}


URL_KWARGS = {
    **{
        f"people:{n}": pk_of("person")
        for n in (
            "person_detail",
            "person_edit",
            "photo_add",
            "acknowledge",
            "check_start",
            "departure_record",
        )
    },
    "people:photo": pk_of("photo"),
    "people:check_detail": pk_of("check"),
    "people:check_clear": pk_of("check"),
    "people:check_reject": pk_of("check"),
    "people:check_item": pk_of("item"),
    "people:check_evidence": pk_of("item"),
    "people:departure_detail": pk_of("departure"),
    "people:departure_item": pk_of("departure_item"),
    "people:post_edit": pk_of("post"),
    "people:session_detail": pk_of("session"),
    "people:certificate": pk_of("attendance"),
    **{f"api:person-{n}": pk_of("person") for n in ("detail", "departure", "background-check")},
    "api:peoplepost-detail": pk_of("post"),
    "api:checkitemtype-detail": pk_of("check_item_type"),
    **{
        f"api:backgroundcheck-{n}": pk_of("check")
        for n in ("detail", "record-item", "clear", "reject")
    },
    "api:departure-detail": pk_of("departure"),
    "api:departure-resolve-item": pk_of("departure"),
    "api:acknowledgement-detail": lambda w: {
        "pk": norte_people(w)["person"].acknowledgements.get().pk
    },
    "api:course-detail": pk_of("course"),
    "api:trainingsession-detail": pk_of("session"),
    "api:trainingsession-attend": pk_of("session"),
    "api:attendance-detail": pk_of("attendance"),
}


def _snapshot(w):
    from ..models import Departure, Person, Post

    org = getattr(w, "org", None) or w.world.org
    return {
        "people": list(Person.objects.filter(organization=org).order_by("pk").values()),
        "posts": list(Post.objects.filter(organization=org).order_by("pk").values()),
        "departures": list(Departure.objects.filter(organization=org).order_by("pk").values()),
    }


def _grow_people(world):
    actor = actor_for(world, world.carla)
    post = services.post_create(actor=actor, name="Puesto crecido")
    for n in range(30):
        services.person_create(
            actor=actor,
            kind="employee",
            employee_number=f"GRW-{n:03}",
            full_name=f"Crecido {n}",
            post=post,
            hire_date=timezone.localdate(),
        )
    return "/api/v1/people/"


WALK = WalkFixtures(
    build=norte_people,
    url_kwargs=URL_KWARGS,
    markers=lambda w: MARKERS,
    snapshot=_snapshot,
    list_growers=(_grow_people,),
)
