"""What each page of the load test costs the server: median milliseconds (wall and this
process's CPU) and database queries per request, measured in-process (Django's test client,
no network, no nginx) against a database seeded by bench/load_seed.py. Finds where the time
of bench/load.py goes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME SECRET_KEY=... RESGUARDO_DATA_DIR=... \\
        uv run python bench/page_costs.py --users users.json [--rounds 30] [--profile home]

--profile NAME prints the 25 functions with the most cumulative time for that page (--dump FILE
keeps the raw profile); --queries NAME prints the page's SQL statements.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resguardo.config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


def pages(record: dict) -> dict[str, str]:
    pick = random.Random(7).choice
    found = {
        "home": "/",
        "partner list": "/partners/",
        "shipment list": "/shipments/",
        "seal list": "/conveyance/seals/",
        "evidence list": "/compliance/evidence/",
        "assessment results": f"/compliance/assessments/{pick(record['assessments'])}/results/",
        "partner detail": f"/partners/{pick(record['partners'])}/",
        "requirement page": f"/compliance/results/{pick(record['answered'])}/",
        "evidence download": f"/compliance/evidence/{pick(record['evidence'])}/download/",
    }
    return found


API = {"API partners": "/api/v1/partners/", "API seal events": "/api/v1/seal-events/"}


def measure(client, path, rounds, headers=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, headers=headers)  # warm: templates compiled, caches filled
    times, cpu, queries = [], [], []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            answer = client.get(path, headers=headers)
            if hasattr(answer, "streaming_content"):
                b"".join(answer.streaming_content)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        queries.append(len(captured))
        if answer.status_code != 200:
            raise SystemExit(f"{path}: HTTP {answer.status_code}")
    return statistics.median(times), statistics.median(cpu), max(queries)


def print_queries(client, target) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _name, path, headers = target
    client.get(path, headers=headers)
    with CaptureQueriesContext(connection) as captured:
        client.get(path, headers=headers)
    for number, query in enumerate(captured.captured_queries, 1):
        print(f"{number:3d} {query['time']:>6}s  {query['sql'][:400]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", required=True, help="JSON written by bench/load_seed.py")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--profile", help="a page name to profile")
    parser.add_argument("--dump", help="with --profile: also write the raw profile to this file")
    parser.add_argument("--queries", help="a page name whose SQL statements to print")
    args = parser.parse_args()
    import django

    django.setup()
    from django.test import Client

    with open(args.users, encoding="utf-8") as source:
        record = json.load(source)[0]
    person = record["users"][0]
    client = Client()
    signed_in = client.post(
        "/accounts/login/", {"email": person["email"], "password": person["password"]}
    )
    if signed_in.status_code != 302:
        raise SystemExit("could not sign in")
    token = {"Authorization": f"Token {person['token']}"}
    targets = [(name, path, None) for name, path in pages(record).items()]
    targets += [(name, path, token) for name, path in API.items()]
    if args.queries:
        print_queries(client, next(t for t in targets if t[0] == args.queries))
        return
    if args.profile:
        name, path, headers = next(t for t in targets if t[0] == args.profile)
        client.get(path, headers=headers)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.rounds):
            client.get(path, headers=headers)
        profiler.disable()
        if args.dump:
            profiler.dump_stats(args.dump)
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
        return
    print(f"{'page':<22}{'median ms':>10}{'CPU ms':>9}{'queries':>9}")
    total = total_cpu = 0.0
    for name, path, headers in targets:
        median, cpu, queries = measure(client, path, args.rounds, headers)
        total, total_cpu = total + median, total_cpu + cpu
        print(f"{name:<22}{median:10.1f}{cpu:9.1f}{queries:9d}")
    print(f"{'sum':<22}{total:10.1f}{total_cpu:9.1f}")


if __name__ == "__main__":
    main()
