"""Shared set-up for the shipments and conveyance benchmarks: a throwaway SQLite database
with 200,000 shipments and 500,000 seal events, written with bulk inserts.

    uv run python bench/shipments_speed.py
    uv run python bench/conveyance_speed.py
"""

import contextlib
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from resguardo.core.actors import Actor  # noqa: E402

SHIPMENTS = 200_000
SEALS = 100_000  # 5 events each: received, issued, applied, verified, removed
BATCH = 5000
RUNS = 15


@contextlib.contextmanager
def bench_folder():
    """A temporary folder, or RESGUARDO_BENCH_DIR to keep the generated database between runs
    (the data is built once; later runs only measure)."""
    kept = os.environ.get("RESGUARDO_BENCH_DIR")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        yield Path(kept)
        return
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        yield Path(tmp)


def prepared_world(data_dir: Path):
    """Set up Django and return (user, membership, sites) with the full data set built."""
    fresh = not (data_dir / "resguardo.sqlite3").exists()
    setup(data_dir)
    if not fresh:
        from resguardo.core.models import Membership, Site

        membership = Membership.objects.select_related("user", "organization").get(
            user__email="admin@bench.mx"
        )
        sites = list(Site.objects.filter(organization=membership.organization).order_by("pk"))
        return membership.user, membership, sites
    user, membership, sites = people()
    build_shipments(user, membership, sites)
    build_seals(user, membership, sites)
    return user, membership, sites


def setup(data_dir: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver,localhost",
        EMAIL_BACKEND="memory",
    )
    os.environ.pop("DATABASE_URL", None)
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def people():
    """An agency with two patentes, five sites and an administrator."""
    from resguardo.accounts.services import user_create
    from resguardo.core.choices import OrganizationKind, SiteKind
    from resguardo.core.models import Aduana
    from resguardo.core.services import organization_create, site_create
    from resguardo.testing.factories import valid_rfc

    user = user_create(actor=None, email="admin@bench.mx", password="bench-password-123",
                       first_name="Patricia", last_name="Lozano")  # fmt: skip
    org = organization_create(actor=user, legal_name="Agencia Bench, S.C.", rfc=valid_rfc(),
                              kind=OrganizationKind.CUSTOMS_AGENCY,
                              patentes=["3921", "3945"])  # fmt: skip
    membership = org.memberships.get(user=user)
    sites = [
        site_create(actor=Actor.for_member(membership), name=name, kind=kind,
                    aduana=Aduana.objects.get(code=code))
        for name, kind, code in (
            ("Patio Nuevo Laredo", SiteKind.YARD, "24"),
            ("Oficina Nuevo Laredo", SiteKind.OFFICE, "24"),
            ("Oficina Manzanillo", SiteKind.OFFICE, "16"),
            ("Bodega Veracruz", SiteKind.WAREHOUSE, "43"),
            ("Oficina AICM", SiteKind.OFFICE, "47"),
        )
    ]  # fmt: skip
    return user, membership, sites


def _pedimento(year2: str, aduana: str, patente: str, serial: int) -> str:
    return f"{year2}{aduana}{patente}{year2[1]}{serial:06d}"


def build_shipments(user, membership, sites, count=SHIPMENTS):
    from django.utils import timezone

    from resguardo.core.identifiers import iso6346_check_digit
    from resguardo.core.models import Patente
    from resguardo.shipments.models import Shipment, ShipmentContainer

    rng = random.Random(5)
    org = membership.organization
    patentes = list(Patente.objects.filter(organization=org))
    today = timezone.localdate()
    year2 = f"{today.year % 100:02d}"
    statuses = ["open", "transmitted", "cleared", "cleared", "cleared", "cancelled"]
    started = time.perf_counter()
    for start in range(0, count, BATCH):
        batch = []
        for i in range(start, min(start + BATCH, count)):
            site = sites[i % len(sites)]
            sea = site.aduana.code == "16"
            batch.append(Shipment(
                organization=org, site=site, aduana=site.aduana, patente=patentes[i % 2],
                pedimento=_pedimento(year2, site.aduana.code, patentes[i % 2].number, i),
                reference=f"TR-{i}", operation="import" if i % 3 else "export",
                mode="sea" if sea else "road", status=rng.choice(statuses),
                client_name=f"Cliente {i % 3000}, S.A. de C.V.",
                client_key=f"CLIENTE {i % 3000}, S.A. DE C.V.",
                operation_date=today - datetime.timedelta(days=rng.randrange(730)),
                trailer_number="" if sea else f"CJ{i:06d}", created_by=user,
                document_seal_numbers=[f"BS{i:07d}"],
            ))  # fmt: skip
        created = Shipment.objects.bulk_create(batch)
        containers = []
        for shipment in created:
            if shipment.mode == "sea":
                body = f"MSCU{shipment.pk % 1_000_000:06d}"
                containers.append(ShipmentContainer(
                    organization=org, shipment=shipment, kind="dry",
                    number=body + str(iso6346_check_digit(body)),
                ))  # fmt: skip
        ShipmentContainer.objects.bulk_create(containers)
    print(f"{count:,} shipments written in {time.perf_counter() - started:.1f} s")


def build_seals(user, membership, sites, seals=SEALS):
    """Lots of 1,000 seals; each seal received, issued, applied to a shipment, verified
    (VVTT) and removed: five events per seal."""
    from django.utils import timezone

    from resguardo.conveyance.models import Seal, SealEvent, SealLot
    from resguardo.shipments.models import Shipment

    org = membership.organization
    site = sites[0]
    shipment_ids = list(Shipment.objects.filter(organization=org).values_list("pk", flat=True))
    now = timezone.now()
    started = time.perf_counter()
    events_written = 0
    for lot_number in range(seals // 1000):
        first = lot_number * 1000 + 1
        lot = SealLot.objects.create(
            organization=org, site=site, manufacturer="TydenBrooks", manufacturer_key="TYDENBROOKS",
            iso_class="H", prefix="BS", first_number=first, last_number=first + 999, digits=7,
            received_on=timezone.localdate(), received_by=user, storage_place="Caja fuerte",
        )  # fmt: skip
        base = now - datetime.timedelta(days=700 - lot_number * 7 % 700)
        seal_rows = [
            Seal(organization=org, lot=lot, number=lot.label(n), manufacturer_key="TYDENBROOKS",
                 site=site, status="removed", holder=user, holder_name=str(user),
                 shipment_id=shipment_ids[(n - 1) % len(shipment_ids)],
                 unit_number="CJ000000", applied_at=base + datetime.timedelta(hours=2),
                 last_event_at=base + datetime.timedelta(hours=30), event_count=5)
            for n in range(first, first + 1000)
        ]  # fmt: skip
        created = Seal.objects.bulk_create(seal_rows)
        events = []
        for seal in created:
            for sequence, kind, hours in (
                (1, "received", 0),
                (2, "issued", 1),
                (3, "applied", 2),
                (4, "verified", 6),
                (5, "removed", 30),
            ):
                verified = kind == "verified"
                events.append(SealEvent(
                    organization=org, seal=seal, sequence=sequence, kind=kind,
                    occurred_at=base + datetime.timedelta(hours=hours), recorded_by=user,
                    site=site, place="Andén 2", person_name=str(user),
                    shipment_id=seal.shipment_id if sequence >= 3 else None,
                    unit_number=seal.unit_number if sequence >= 3 else "",
                    checkpoint="yard_exit" if verified else "",
                    view_ok=True if verified else None, verify_ok=True if verified else None,
                    tug_ok=True if verified else None, twist_ok=True if verified else None,
                    number_read=seal.number if verified else "",
                    removal_reason="destination" if kind == "removed" else "",
                ))  # fmt: skip
        SealEvent.objects.bulk_create(events, batch_size=BATCH)
        events_written += len(events)
    print(f"{seals:,} seals and {events_written:,} seal events written in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip


def signed_in_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    client.cookies["resguardo_language"] = "en"
    return client


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def measure(client, label: str, url: str, runs: int = RUNS):
    """Median server time of a GET (full request through the test client) and its queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up
    timings, cpu, counts = [], [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(sum(1 for q in queries.captured_queries
                          if not q["sql"].startswith(TRANSACTION_CONTROL)))  # fmt: skip
    median = statistics.median(timings) * 1000
    # CPU time of this process (Django and SQLite run in it): the figure that does not
    # depend on what else the machine is doing; wall time is what a user waits.
    print(f"{label:<58} {median:7.1f} ms median ({statistics.median(cpu) * 1000:6.1f} ms CPU)"
          f"  {max(counts):3d} queries")  # fmt: skip
    return median, max(counts)
