"""The certification's own work: re-checking every organization's RFCs after a new SAT list
version, the renewal readiness page and the E4 profile.

    uv run python bench/certification_speed.py [--organizations 50] [--entries 10000]

A throwaway SQLite database: N organizations, each with a granted certification and three
representatives; a 69-B file of M entries imported through partners' real importer (the
import's own re-check of every organization is timed apart: it runs in the same commit).
Then: the readiness page's data and the E4 profile (35 sub-standards of an answered
self-assessment) for one organization, with their query counts. Prints figures only.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def setup(data_dir: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
        EMAIL_BACKEND="memory",
        MEDIA_ROOT=str(data_dir / "files"),
    )
    os.environ.pop("DATABASE_URL", None)
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def company_rfc(n: int) -> str:
    from resguardo.core.validators import rfc_check_digit

    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    body = letters[n % 23] + letters[(n // 23) % 23] + letters[(n // 529) % 23]
    body += f"{(n // 336) % 90 + 10:02d}{n % 12 + 1:02d}{(n // 12) % 28 + 1:02d}A1"
    return body + rfc_check_digit(body + "0")


def person_rfc(n: int) -> str:
    from resguardo.core.validators import rfc_check_digit

    body = "GA" + "TSRPMLKJHG"[n % 10] + "XYZW"[n % 4]
    body += f"{(n // 40) % 90 + 10:02d}{n % 12 + 1:02d}{n % 28 + 1:02d}" + "B2"
    return body + rfc_check_digit(body + "0")


def build(organizations: int):
    from resguardo.certification import services
    from resguardo.certification.choices import CertificationStatus, RepresentativeRole
    from resguardo.core.actors import Actor
    from resguardo.core.choices import Role
    from resguardo.testing.factories import MembershipFactory, OrganizationFactory, UserFactory

    today = datetime.date.today()
    firsts = []
    for n in range(organizations):
        org = OrganizationFactory(legal_name=f"Agencia {n}", rfc=company_rfc(n))
        user = UserFactory(email=f"oea{n}@bench.example.mx")
        membership = MembershipFactory(user=user, organization=org, role=Role.COMPLIANCE)
        actor = Actor.for_member(membership)
        services.certification_create(
            actor=actor,
            granted_on=today - datetime.timedelta(days=700),
            expires_on=today + datetime.timedelta(days=30),
            status=CertificationStatus.GRANTED,
        )
        for k in range(3):
            services.representative_add(
                actor=actor,
                full_name=f"Persona {n}-{k}",
                rfc=person_rfc(n * 3 + k),
                role=RepresentativeRole.MANDATARIO,
            )
        firsts.append(membership)
    return firsts


def sat_69b(entries: int, listed: list[str]) -> bytes:
    lines = ["Información al 1 de diciembre de 2026", "Listado 69-B",
             "No,RFC,Nombre del Contribuyente,Situación del contribuyente"]  # fmt: skip
    rfcs = [company_rfc(100_000 + n) for n in range(entries - len(listed))] + listed
    for n, rfc in enumerate(rfcs, 1):
        lines.append(f'{n},{rfc},"CONTRIBUYENTE {n} SA DE CV",Definitivo')
    return "\n".join(lines).encode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--organizations", type=int, default=50)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from resguardo.certification.e4 import e4_profile
        from resguardo.certification.readiness import renewal_readiness
        from resguardo.certification.services import listing_recheck_all
        from resguardo.partners.choices import WatchlistSource
        from resguardo.partners.watchlists.importer import list_version_import

        memberships = build(args.organizations)
        listed = [memberships[0].organization.rfc, person_rfc(4)]
        started = time.perf_counter()
        list_version_import(
            source=WatchlistSource.SAT_69B,
            content=sat_69b(args.entries, listed),
            file_name="69b.csv",
            origin="bench",
        )
        imported = time.perf_counter() - started
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            count = listing_recheck_all()
        recheck = time.perf_counter() - started
        print(f"69-B import of {args.entries} entries (with its re-checks): {imported:.2f} s")
        print(
            f"re-check of {count} organizations (own RFC + 3 representatives each): "
            f"{recheck:.2f} s, {len(queries) / count:.1f} queries per organization"
        )
        from resguardo.compliance import services as compliance
        from resguardo.compliance.tests.factories import neec_library
        from resguardo.core.actors import Actor

        membership = memberships[0]
        actor = Actor.for_member(membership)
        assessment = compliance.assessment_create(actor=actor, library=neec_library(), name="Bench")
        for result in assessment.results.all():
            compliance.result_update(actor=actor, target=result, answer="Respuesta " * 40)
        for label, build_page in (
            ("readiness page data", lambda: renewal_readiness(membership=membership)),
            ("E4 profile (35 sub-standards)", lambda: e4_profile(membership=membership)),
        ):
            build_page()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                for _ in range(10):
                    build_page()
            elapsed = (time.perf_counter() - started) / 10
            print(f"{label}: {elapsed * 1000:.0f} ms, {len(queries) // 10} queries")


if __name__ == "__main__":
    main()
