"""Seed the load benchmark's database: migrate, load the standards, then the demo agency once
per organization (its five people, sites, assessment, evidence, partners, shipments, seals...)
with its own users and an API token for each, and write what the locust users need to a JSON
file. Run by bench/load.py in a subprocess, with DATABASE_URL (and storage) set:

    uv run python bench/load_seed.py --prepare --first 1 --last 20 --out users.json
"""

import argparse
import itertools
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resguardo.config.settings")

PASSWORD = "carga-segura-2026"
SUFFIX = "carga.example"
PATENTES = ("3921", "3945")
# Who signs in: the two roles that may read every page and answer requirements.
SIGNING_IN = ("admin", "oea")


def _rfc_maker(number: int):
    """RFCs for the organizations of copy `number` (the agency and its second organization),
    the same in whichever process seeds it."""
    from resguardo.core.validators import rfc_check_digit

    calls = itertools.count(number * 2)

    def make(_body: str) -> str:
        n = next(calls)
        letters = "".join(chr(ord("A") + (n // 26**i) % 26) for i in range(3))
        body = f"{letters}150312LD"
        return body + rfc_check_digit(body + "0")

    return make


def _users(number: int) -> dict:
    from resguardo.accounts.services import user_create
    from resguardo.core import demo

    return {
        key: user_create(
            actor=None,
            email=f"{key}@org{number:02d}.{SUFFIX}",
            password=None,
            first_name=first,
            last_name=last,
        )
        for key, first, last, _role, _sites in demo.DEMO_USERS
    }


def _organization_record(number: int, context, tokens: dict) -> dict:
    from resguardo.compliance.models import Evidence, RequirementResult
    from resguardo.partners.models import Partner

    org = context.organization
    results = RequirementResult.objects.filter(assessment__organization=org)
    # the requirement pages users save: answered ones of assessments still open
    answered = results.filter(assessment__frozen_at__isnull=True).exclude(result="not_assessed")
    return {
        "number": number,
        "organization": org.pk,
        "users": [
            {"email": context.users[key].email, "password": PASSWORD, "token": tokens[key]}
            for key in SIGNING_IN
        ],
        "assessments": sorted(set(results.values_list("assessment_id", flat=True))),
        "results": list(results.order_by("pk").values_list("pk", flat=True)),
        "answered": list(answered.order_by("pk").values_list("pk", flat=True)),
        "evidence": list(
            Evidence.objects.filter(organization=org, current_revision__isnull=False).values_list(
                "pk", flat=True
            )
        ),
        "partners": list(Partner.objects.filter(organization=org).values_list("pk", flat=True)),
    }


def seed(first: int, last: int, *, prepare: bool) -> list[dict]:
    """Organizations number `first` to `last`; `prepare` migrates and loads the standards
    first (once per database, before any seeding in parallel)."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection

    from resguardo.accounts.models import User
    from resguardo.accounts.services import api_token_create
    from resguardo.core import demo
    from resguardo.core.models import Organization
    from resguardo.infosec import demo as infosec_demo
    from resguardo.shipments import demo as shipments_demo

    started = time.monotonic()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # this session only: seeding is redone if it fails
            cursor.execute("SET synchronous_commit TO off")
    if prepare:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("standards", "load", verbosity=0)
        print(f"  migrated, standards loaded in {time.monotonic() - started:.0f} s", flush=True)
    # The demo agency's RFC and patentes are fixed (and unique in the country): each copy
    # gets its own, and its pedimentos use them.
    create, pedimento = demo.organization_create, shipments_demo.demo_pedimento
    demo.organization_create = lambda *, patentes=(), **kw: create(
        patentes=[mapped[p] for p in patentes], **kw
    )
    shipments_demo.demo_pedimento = lambda aduana, patente, serial: pedimento(
        aduana, mapped[patente], serial
    )
    accounts_csv = infosec_demo.ACCOUNTS_CSV
    records = []
    for number in range(first, last + 1):
        users = _users(number)
        demo._rfc = _rfc_maker(number)
        mapped = {p: f"{7000 + number * 2 + i}" for i, p in enumerate(PATENTES)}
        # the demo's account export names the demo's addresses: this copy's people instead
        infosec_demo.ACCOUNTS_CSV = accounts_csv.replace(
            "@demo.resguardo.mx", f"@org{number:02d}.{SUFFIX}"
        )
        context = demo.seed_demo(users=users)
        Organization.objects.filter(pk=context.organization.pk).update(
            short_name=f"AA Lozano {number:02d}"
        )
        tokens = {key: api_token_create(user=users[key], name="carga")[1] for key in SIGNING_IN}
        records.append(_organization_record(number, context, tokens))
        print(
            f"  organization {number} seeded ({time.monotonic() - started:.0f} s)",
            flush=True,
        )
    # One Argon2 hash (100 MiB, slow on purpose) for everyone instead of one per user.
    User.objects.filter(email__endswith=f".{SUFFIX}", password__startswith="!").update(
        password=make_password(PASSWORD)
    )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=1, help="first organization number")
    parser.add_argument("--last", type=int, default=20, help="last organization number")
    parser.add_argument("--prepare", action="store_true", help="migrate, load the standards")
    parser.add_argument("--out", required=True, help="JSON file for the locust users")
    args = parser.parse_args()
    import django

    django.setup()
    cpu = time.process_time()
    records = seed(args.first, args.last, prepare=args.prepare)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(records, out)
    print(f"  seeding process CPU {time.process_time() - cpu:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
