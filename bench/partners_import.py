"""Importing a 12,000-row SAT 69-B file (windows-1252, preamble, 20 columns), then
importing partners from a CSV file (1,000 and 5,000 rows, screened against an OFAC list).

    uv run python bench/partners_import.py [--rows 12000] [--partners 1000,5000]
                                          [--entries 30000] [--partners-only]

Times the real list importer (read, check, store every entry in one transaction) on a
throwaway SQLite database, then the refusal of a file in the wrong encoding. Target
(issue 5): under 5 s. Then the partner import (issue 16): the dry run and the real import
(check, write partners, contacts, addresses and audit entries, screen), wall and CPU time
and SQL statements. Target: 5,000 partners in under 10 s including screening. Prints
figures only.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import partners_data as data  # noqa: E402
from partners_screening import setup  # noqa: E402


def partners_csv(rng: random.Random, count: int, listed_names: list[str]) -> bytes:
    """A partner file as a customs agency exports it: two in a hundred on the list."""
    from resguardo.testing.factories import valid_rfc

    lines = ["tipo,razon social,rfc,pais,contacto,correo,telefono,calle,ciudad,entidad,cp,desde"]
    kinds = ["cliente", "transportista", "almacen", "agente de carga", "proveedor"]
    for i in range(count):
        name = rng.choice(listed_names) if i % 50 == 7 else data.partner_name(rng)
        name = name.replace(",", " ").replace('"', "")
        lines.append(
            f"{kinds[i % len(kinds)]},{name},{valid_rfc()},MX,Contacto {i},"
            f"contacto{i}@socio{i}.example.mx,55 1234 {i % 10000:04d},"
            f"Av. Reforma {i},Monterrey,NL,{64000 + i % 900},2019-0{1 + i % 9}-15"
        )
    return ("\n".join(lines) + "\n").encode()


def partner_import_speed(counts: list[int], entries: int, seed: int) -> None:
    from django.db import connection

    from resguardo.accounts.services import user_create
    from resguardo.core.actors import Actor
    from resguardo.core.choices import OrganizationKind
    from resguardo.core.services import organization_create
    from resguardo.partners.choices import WatchlistSource
    from resguardo.partners.models import Partner, ScreeningHit
    from resguardo.partners.services import partners_import
    from resguardo.partners.watchlists.importer import list_version_import
    from resguardo.testing.factories import valid_rfc

    rows = data.build_list(random.Random(seed), entries)
    sdn, alt = data.sdn_csv(rows)
    list_version_import(
        source=WatchlistSource.OFAC_SDN, content=sdn, alias_content=alt, file_name="sdn.csv"
    )
    listed = [name for _k, name, _a, _r, _p in rows]
    print(f"\nPartner import from CSV, screened against {entries:,} OFAC entries")
    for n, count in enumerate(counts):
        user = user_create(actor=None, email=f"bench{n}@bench.mx", password="bench-password-123")
        organization = organization_create(
            actor=user,
            legal_name=f"Agencia Bench {n}, S.C.",
            rfc=valid_rfc(),
            kind=OrganizationKind.CUSTOMS_AGENCY,
        )
        actor = Actor.for_member(organization.memberships.get(user=user))
        content = partners_csv(random.Random(seed + count), count, listed)
        for dry_run in (True, False):
            statements = []

            def counted(execute, sql, params, many, context, statements=statements):
                statements.append(1)
                return execute(sql, params, many, context)

            started, started_cpu = time.perf_counter(), time.process_time()
            with connection.execute_wrapper(counted):
                report = partners_import(
                    actor=actor, file_name="socios.csv", content=content, dry_run=dry_run
                )
            elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
            assert report.ok, report.errors[:5]
            label = f"{count:,} partners: " + ("dry run (check only)" if dry_run else "import")
            print(
                f"  {label:<36} {elapsed:6.2f} s ({cpu:.2f} s CPU), "
                f"{len(statements):,} SQL statements"
            )
        assert Partner.objects.filter(organization=organization).count() == count
        hits = ScreeningHit.objects.filter(organization=organization).count()
        print(f"  {'':<36} {hits} screening hits")
        if count == 5000:
            print(f"  target < 10 s for 5,000: {'MET' if elapsed < 10 else 'NOT MET'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=12000)
    parser.add_argument("--partners", default="1000,5000")
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--partners-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        counts = [int(n) for n in args.partners.split(",") if n.strip()]
        if args.partners_only:
            partner_import_speed(counts, args.entries, args.seed)
            return
        from django.core.exceptions import ValidationError

        from resguardo.partners.watchlists.importer import list_version_import
        from resguardo.partners.watchlists.parsers import parse_sat_69b

        content = data.sat_69b_csv(random.Random(7), args.rows)
        print(f"69-B file: {args.rows:,} rows, {len(content) / 1e6:.1f} MB, windows-1252")
        started = time.perf_counter()
        parsed = parse_sat_69b(content)
        print(
            f"  read and check only: {time.perf_counter() - started:.2f} s "
            f"({len(parsed.entries):,} entries, published {parsed.published_on})"
        )
        started = time.perf_counter()
        result = list_version_import(
            source="sat_69b", content=content, file_name="Listado_Completo_69-B.csv"
        )
        elapsed = time.perf_counter() - started
        print(
            f"  import (read, check, store {result.version.entry_count:,} entries): {elapsed:.2f} s"
        )
        print(f"  target < 5 s: {'MET' if elapsed < 5 else 'NOT MET'}")
        started = time.perf_counter()
        try:
            list_version_import(
                source="sat_69b",
                content=content.decode("cp1252").encode("utf-16"),
                file_name="utf16.csv",
            )
        except ValidationError as error:
            print(
                f"  UTF-16 file refused in {time.perf_counter() - started:.3f} s: "
                f"{error.messages[0][:70]}…"
            )
        partner_import_speed(counts, args.entries, args.seed)


if __name__ == "__main__":
    main()
