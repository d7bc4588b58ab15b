"""Demo personnel (standards 8 and 10) for the demo agency: posts with their checks and
courses, a dozen people (employees, mandatarios, contracted guards and drivers), cleared
checks with evidence, acknowledgements, training sessions (one course long expired),
a departure completed late and one still open, whose customs gafete (from the shipments
demo's badge register, same holder name) waits to be returned. Everything goes through the
services."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resguardo.core.actors import Actor

from . import services
from .choices import AcknowledgedDocument, CheckResult, DepartureReason, ItemOutcome, PersonKind
from .models import CheckItemType, Course

POSTS = [
    # name, sensitive, check items (by position), courses (by index), description
    (
        "Mandatario aduanal",
        True,
        [1, 2, 3, 4, 5, 6, 7],
        [0, 1, 2, 3, 4, 5],
        "Firma pedimentos y representa a la agencia ante la aduana.",
    ),
    ("Glosador", True, [1, 2, 3, 4, 5], [0, 1, 3, 4, 5], "Revisa pedimentos antes del pago."),
    (
        "Operador de patio",
        False,
        [1, 2, 4, 7],
        [0, 2, 5],
        "Recibe, inspecciona y sella unidades en el patio.",
    ),
    (
        "Guardia de seguridad",
        True,
        [1, 4, 7],
        [0, 1, 2, 5],
        "Personal de la empresa de seguridad contratada.",
    ),
    ("Chofer", False, [1, 4, 7], [0, 2, 5], "Traslada unidades entre el patio y la aduana."),
]
PEOPLE = [
    # number, name, kind, post, site, years hired, provider
    (
        "E-0101",
        "Ramiro Cantú Villarreal",
        PersonKind.MANDATARIO,
        "Mandatario aduanal",
        "matriz",
        8,
        "",
    ),
    (
        "E-0102",
        "Sandra Elizondo Garza",
        PersonKind.MANDATARIO,
        "Mandatario aduanal",
        "matriz",
        4,
        "",
    ),
    ("E-0110", "Héctor Salinas Ochoa", PersonKind.EMPLOYEE, "Glosador", "matriz", 6, ""),
    ("E-0111", "Claudia Reyna Benavides", PersonKind.EMPLOYEE, "Glosador", "matriz", 2, ""),
    ("E-0120", "Luis Hernández Peña", PersonKind.EMPLOYEE, "Operador de patio", "patio", 3, ""),
    ("E-0121", "Óscar Treviño Leal", PersonKind.EMPLOYEE, "Operador de patio", "patio", 1, ""),
    ("E-0122", "Marco Antonio Ríos", PersonKind.EMPLOYEE, "Operador de patio", "patio", 5, ""),
    (
        "G-0301",
        "Juan Pablo Zamora",
        PersonKind.CONTRACTOR,
        "Guardia de seguridad",
        "patio",
        2,
        "Seguridad Privada del Norte, S.A. de C.V.",
    ),
    (
        "G-0302",
        "Efraín Castillo Mata",
        PersonKind.CONTRACTOR,
        "Guardia de seguridad",
        "patio",
        1,
        "Seguridad Privada del Norte, S.A. de C.V.",
    ),
    (
        "C-0401",
        "Jesús Alberto Peña",
        PersonKind.CONTRACTOR,
        "Chofer",
        "patio",
        3,
        "Transportes Bravo, S.A. de C.V.",
    ),
    ("E-0130", "Héctor Salazar Ríos", PersonKind.EMPLOYEE, "Glosador", "matriz", 7, ""),
    (
        "C-0402",
        "Rogelio Martínez Cruz",
        PersonKind.CONTRACTOR,
        "Chofer",
        "patio",
        2,
        "Transportes Bravo, S.A. de C.V.",
    ),
]


def _pdf(name: str) -> SimpleUploadedFile:
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(f"{name}.pdf", body, content_type="application/pdf")


def _photo(text: str) -> SimpleUploadedFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 300), (38, 70, 83))
    ImageDraw.Draw(image).text((20, 140), text, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"{text}.jpg", buffer.getvalue(), content_type="image/jpeg")


def _clear(actor, person, today):
    check = services.check_start(actor=actor, person=person)
    for item in check.items.select_related("item_type"):
        services.check_item_record(
            actor=actor,
            item=item,
            result=CheckResult.SATISFACTORY,
            done_on=today - datetime.timedelta(days=20),
            evidence=_pdf(item.item_type.name),
        )
    services.check_clear(actor=actor, check=check)


def seed_people(context) -> None:
    membership = context.memberships["oea"]
    actor = Actor.for_member(membership)
    today = timezone.localdate()
    services.catalog_seed(actor=actor)
    services.policy_update(
        actor=actor, code_of_conduct_version="2026-01", confidentiality_version="v3"
    )
    organization = context.organization
    items = {i.position: i for i in CheckItemType.objects.filter(organization=organization)}
    courses = list(Course.objects.filter(organization=organization).order_by("pk"))
    posts = {}
    for name, sensitive, item_positions, course_indexes, description in POSTS:
        posts[name] = services.post_create(
            actor=actor,
            name=name,
            sensitive=sensitive,
            description=description,
            required_checks=[items[p] for p in item_positions],
            course_rules=[(courses[i], 24 if i == 4 else 12) for i in course_indexes],
        )
    people = {}
    for number, name, kind, post, site, years, provider in PEOPLE:
        people[number] = services.person_create(
            actor=actor,
            kind=kind,
            employee_number=number,
            full_name=name,
            post=posts[post],
            site=context.sites[site],
            provider=provider,
            hire_date=today.replace(year=today.year - years, day=1),
            phone="867 555 01" + number[-2:],
            emergency_contact_name="Familiar de " + name.split()[0],
            emergency_contact_phone="867 555 09" + number[-2:],
            user=context.users["operador"] if number == "E-0120" else None,
        )
    for number in (
        "E-0101",
        "E-0102",
        "E-0110",
        "E-0120",
        "E-0121",
        "G-0301",
        "C-0401",
        "E-0130",
        "C-0402",
    ):
        _clear(actor, people[number], today)
    for number in ("E-0101", "E-0110", "E-0120", "G-0301"):
        services.person_photo_add(
            actor=actor,
            person=people[number],
            photo=_photo(number),
            taken_on=today - datetime.timedelta(days=400),
        )
    for number in ("E-0101", "E-0102", "E-0110", "E-0111", "E-0120", "G-0301"):
        person = people[number]
        services.acknowledgement_record(
            actor=actor,
            person=person,
            document=AcknowledgedDocument.CODE_OF_CONDUCT,
            version="2026-01",
            signed_name=person.full_name,
        )
        services.acknowledgement_record(
            actor=actor,
            person=person,
            document=AcknowledgedDocument.CONFIDENTIALITY,
            version="v3",
            signed_name=person.full_name,
        )
    _training(actor, courses, people, context, today)
    _departures(actor, people, today)


def _training(actor, courses, people, context, today):
    sessions = [
        (
            0,
            40,
            [
                "E-0101",
                "E-0102",
                "E-0110",
                "E-0111",
                "E-0120",
                "E-0121",
                "G-0301",
                "G-0302",
                "C-0401",
                "E-0130",
                "C-0402",
            ],
        ),
        (2, 90, ["E-0120", "E-0121", "E-0122", "G-0301", "C-0401", "C-0402"]),
        (5, 200, ["E-0101", "E-0102", "E-0110", "E-0120", "G-0301", "E-0130"]),
        (3, 340, ["E-0101", "E-0102", "E-0110", "E-0111", "E-0130"]),
        (4, 500, ["E-0101", "E-0110"]),
        (1, 420, ["E-0101", "E-0102", "G-0301", "G-0302"]),
    ]
    for course_index, days_ago, numbers in sessions:
        session = services.session_create(
            actor=actor,
            course=courses[course_index],
            held_on=today - datetime.timedelta(days=days_ago),
            instructor="Lic. Adriana Fuentes (comité de seguridad)",
            place="Sala de juntas, oficina matriz",
            site=context.sites["matriz"],
        )
        for number in numbers:
            person = people[number]
            services.attendance_add(
                actor=actor,
                session=session,
                employee_number=number,
                signed_name=person.full_name,
                score=85 + len(number) % 10,
            )


def _departures(actor, people, today):
    now = timezone.now()
    late = services.departure_record(
        actor=actor,
        person=people["C-0402"],
        left_at=now - datetime.timedelta(days=9),
        reason=DepartureReason.CONTRACT_END,
        note="Fin del contrato con Transportes Bravo.",
    )
    for item in late.items.filter(outcome=ItemOutcome.PENDING):
        services.departure_item_resolve(actor=actor, item=item, outcome=ItemOutcome.RETURNED)
    services.departure_record(
        actor=actor,
        person=people["E-0130"],
        left_at=now - datetime.timedelta(hours=3),
        reason=DepartureReason.RESIGNATION,
        note="Renuncia voluntaria.",
    )
