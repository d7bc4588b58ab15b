"""Personnel security and training at scale (issue 15):

- the HR import of 2,000 people (dry run, then the real import) — target under 5 s;
- the training matrix of 2,000 people × 30 courses — target under 300 ms;
- the personnel list filtered, with 2,000 and with 20,000 people — target under 150 ms, with
  the same number of queries at both sizes.

    uv run python bench/people.py

Throwaway SQLite database in a temporary folder; prints figures only. The import and the
matrix go through the services and selectors; the 18,000 extra people and the 40,000
attendance rows behind the matrix are bulk-inserted (only the data set, not what is timed).
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shipments_data import bench_folder, measure, people, setup, signed_in_client  # noqa: E402

PEOPLE = 2_000
MORE_PEOPLE = 18_000
COURSES = 30
POSTS = 10


def hr_file(count: int, posts, sites) -> bytes:
    rng = random.Random(3)
    rows = ["numero de empleado,nombre,tipo,puesto,sitio,fecha de ingreso,proveedor"]
    for n in range(count):
        kind = rng.choice(["empleado", "empleado", "mandatario", "contratista"])
        provider = "Seguridad del Norte" if kind == "contratista" else ""
        hired = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3500))
        rows.append(
            f"E-{n:05d},Persona {n:05d} Apellido,{kind},{rng.choice(posts).name},"
            f"{rng.choice(sites).name},{hired.isoformat()},{provider}"
        )
    return ("\n".join(rows) + "\n").encode()


def catalog(actor):
    from resguardo.people import services
    from resguardo.people.models import Course

    services.catalog_seed(actor=actor)
    for n in range(COURSES - Course.objects.count()):
        services.course_create(actor=actor, name=f"Curso de seguridad {n + 1:02d}")
    courses = list(Course.objects.order_by("pk"))
    rng = random.Random(1)
    return [
        services.post_create(
            actor=actor,
            name=f"Puesto {p + 1:02d}",
            sensitive=p % 3 == 0,
            course_rules=[(c, rng.choice([12, 24])) for c in rng.sample(courses, 15)],
        )
        for p in range(POSTS)
    ], courses


def timed_import(actor, content: bytes) -> None:
    from resguardo.people import services

    for dry_run in (True, False):
        started, started_cpu = time.perf_counter(), time.process_time()
        report = services.people_import(
            actor=actor, file_name="rh.csv", content=content, dry_run=dry_run
        )
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
        assert report.ok, report.errors[:3]
        label = "dry run (check only)" if dry_run else "import (check and write)"
        print(
            f"HR import, {report.rows:,} people, {label:<26} {elapsed * 1000:8.0f} ms "
            f"({cpu * 1000:6.0f} ms CPU)"
        )


def attendance(organization, courses, admin):
    """About 20 courses per person, taken on dates over the last three years."""
    from resguardo.people.models import Attendance, Person, TrainingSession

    rng = random.Random(9)
    today = datetime.date.today()
    sessions = TrainingSession.objects.bulk_create(
        TrainingSession(
            organization=organization,
            course=course,
            held_on=today - datetime.timedelta(days=30 * m + 1),
            instructor="Bench",
        )
        for course in courses
        for m in range(36)
    )
    by_course = {}
    for session in sessions:
        by_course.setdefault(session.course_id, []).append(session)
    rows = []
    for person_id in Person.objects.filter(organization=organization).values_list("pk", flat=True):
        for course in rng.sample(courses, 20):
            session = rng.choice(by_course[course.pk])
            rows.append(
                Attendance(
                    organization=organization,
                    session=session,
                    person_id=person_id,
                    course=course,
                    held_on=session.held_on,
                    signed_name="x",
                )
            )
    Attendance.objects.bulk_create(rows, batch_size=2000)
    print(f"attendance rows: {len(rows):,}")


def timed_matrix(membership) -> None:
    from resguardo.people.selectors import training_matrix

    timings, cpu = [], []
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        matrix = training_matrix(membership=membership)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    cells = len(matrix.rows) * len(matrix.courses)
    print(
        f"training matrix, {len(matrix.rows):,} people × {len(matrix.courses)} courses "
        f"({cells:,} cells){'':<4} {statistics.median(timings) * 1000:8.1f} ms median "
        f"({statistics.median(cpu) * 1000:6.1f} ms CPU)"
    )


def more_people(organization, posts, sites) -> None:
    from resguardo.core.search import name_key
    from resguardo.people.models import Person

    rng = random.Random(11)
    Person.objects.bulk_create(
        (
            Person(
                organization=organization,
                kind="employee",
                employee_number=f"M-{n:06d}",
                full_name=f"Otra Persona {n:06d}",
                name_key=name_key(f"Otra Persona {n:06d}"),
                post=rng.choice(posts),
                site=rng.choice(sites),
                hire_date=datetime.date(2018, 1, 1),
                status="departed" if n % 7 == 0 else "active",
            )
            for n in range(MORE_PEOPLE)
        ),
        batch_size=2000,
    )


def list_figures(client, posts, sites) -> list[int]:
    counts = []
    for label, url in (
        ("personnel list, active at one site", f"/people/?status=active&site={sites[0].pk}"),
        ("personnel list, search by name", "/people/?q=Persona%2001"),
        ("personnel list, one post, sensitive", f"/people/?post={posts[0].pk}&sensitive=true"),
        ("people API, one site and post", f"/api/v1/people/?site={sites[1].pk}&post={posts[1].pk}"),
    ):
        _ms, queries = measure(client, label, url)
        counts.append(queries)
    return counts


def main() -> None:
    with bench_folder() as folder:
        setup(folder)
        from resguardo.core.actors import Actor
        from resguardo.people.models import Person

        if os.environ.get("BENCH_MATRIX_ONLY"):  # a kept RESGUARDO_BENCH_DIR: measure again
            from resguardo.core.models import Membership

            membership = Membership.objects.get(user__email="admin@bench.mx")
            return timed_matrix(membership)
        user, membership, sites = people()
        actor = Actor.for_member(membership)
        posts, courses = catalog(actor)
        timed_import(actor, hr_file(PEOPLE, posts, sites))
        attendance(membership.organization, courses, user)
        timed_matrix(membership)
        client = signed_in_client(user)
        measure(client, "training matrix page (first 50 rows, all counts)", "/people/matrix/")
        print(f"people: {Person.objects.count():,}")
        small = list_figures(client, posts, sites)
        more_people(membership.organization, posts, sites)
        print(f"people: {Person.objects.count():,}")
        large = list_figures(client, posts, sites)
        print(
            f"queries with {PEOPLE:,} and {PEOPLE + MORE_PEOPLE:,} people: {small} / {large}"
            f" ({'the same' if small == large else 'DIFFERENT'})"
        )


if __name__ == "__main__":
    main()
