"""Shipments at scale: the filtered shipment list with 200,000 shipments and 500,000 seal
events in the database, and importing 50,000 shipments from a CSV file.

    uv run python bench/shipments_speed.py

Throwaway SQLite database in a temporary folder; prints figures only. Targets (issue 6):
- the filtered shipment list under 200 ms median, with a number of queries that does not
  grow with the data;
- importing 50,000 shipments (checked in memory, then bulk-inserted) under 30 s.
"""

import sys
import time
from pathlib import Path

from resguardo.core.actors import Actor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shipments_data import (  # noqa: E402
    bench_folder,
    measure,
    prepared_world,
    signed_in_client,
)

IMPORT_ROWS = 50_000


def import_file(year2: str, count: int = IMPORT_ROWS, aduana: str = "16") -> bytes:
    from resguardo.core.identifiers import iso6346_check_digit

    lines = ["pedimento,site,operation,mode,client,client_rfc,date,containers,seals"]
    for i in range(count):
        body = f"TGHU{i:06d}"
        container = body + str(iso6346_check_digit(body))
        pedimento = f"{year2}{aduana}3945{year2[1]}{900000 + i:06d}"
        lines.append(f"{pedimento},Oficina Manzanillo,import,sea,Importadora {i % 500},"
                     f"IPA0907226M0,20{year2}-01-15,{container},ZS{i:07d}")  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def bench_import(user, membership) -> None:
    from django.utils import timezone

    from resguardo.shipments.models import Shipment, ShipmentImport
    from resguardo.shipments.services import shipment_import

    # A kept database (RESGUARDO_BENCH_DIR) already holds earlier imports: use another
    # customs office for each run so the pedimentos stay new.
    runs = ShipmentImport.objects.filter(organization=membership.organization).count()
    aduana = ["16", "43", "47", "52", "48", "40", "07", "30"][runs % 8]
    data = import_file(f"{timezone.localdate().year % 100:02d}", aduana=aduana)
    before = Shipment.objects.count()
    for dry_run in (True, False):
        started, started_cpu = time.perf_counter(), time.process_time()
        report = shipment_import(actor=Actor.for_member(membership), data=data,
                                 file_name="bench.csv", dry_run=dry_run)  # fmt: skip
        elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        assert report.ok, report.errors[:5]
        label = (
            "import 50,000 shipments: dry run (check only)"
            if dry_run
            else ("import 50,000 shipments (check + bulk insert)")
        )
        print(f"{label:<58} {elapsed:7.1f} s ({cpu:.1f} s CPU)  {report.row_count:,} rows, "
              f"{report.container_count:,} containers")  # fmt: skip
    assert Shipment.objects.count() == before + IMPORT_ROWS


def main() -> None:
    with bench_folder() as folder:
        user, membership, sites = prepared_world(folder)
        client = signed_in_client(user)
        from resguardo.shipments.models import Shipment

        yard = sites[0].pk
        one = Shipment.objects.filter(organization=membership.organization).order_by("pk")[1234]
        for label, query in (
            ("shipment list, first page (200,000 shipments)", ""),
            ("filtered: status + customs office + date range", "?status=cleared&aduana=24"
             "&date_from=2025-01-01&date_to=2026-12-31"),
            ("filtered: site + operation + mode", f"?site={yard}&operation=export&mode=road"),
            ("filtered: documents not verified, open", "?status=open&verified=false"),
            ("search: full pedimento (15 digits)", f"?q={one.pedimento}"),
            ("search: pedimento consecutive (7 digits)", f"?q={one.pedimento[8:]}"),
            ("search: start of the client name", "?q=Cliente%2012"),
            ("search: container number prefix", "?q=MSCU0001"),
            ("search + filters: client, status, date range", "?q=Cliente%2012&status=cleared"
             "&date_from=2025-06-01"),
            ("documents to verify (queue)", "VERIFY"),
        ):  # fmt: skip
            url = "/shipments/verification/" if query == "VERIFY" else "/shipments/" + query
            measure(client, label, url)
        bench_import(user, membership)


if __name__ == "__main__":
    main()
