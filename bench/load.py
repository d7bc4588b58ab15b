"""Load and faults (issue 17): realistic users against nginx + two app servers + a worker on
PostgreSQL, one app server killed and PostgreSQL restarted in the middle, then the same kind of
run against one `resguardo serve` on the embedded SQLite database.

    uv run python bench/load.py                         # 200 users, 3 min per phase, 20 orgs
    uv run python bench/load.py --users 10 --duration 20 --orgs 2 --sqlite-users 5

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust authentication; the script creates
its own database and drops it at the end unless --keep), Debian's nginx, and root (or the
postgres user) for `pg_ctlcluster ... restart`. Everything listens on 127.0.0.1. Prints
requests per second, p50/p95/p99 per page, errors, the servers' CPU and peak memory, and what
users saw when the failures hit. Nothing is asserted.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import psycopg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import load_report as report  # noqa: E402

from resguardo.testing.cluster import Cluster, free_port, wait_until_up  # noqa: E402

ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def base_env(data_dir: Path) -> dict:
    return {
        "DJANGO_SETTINGS_MODULE": "resguardo.config.settings",
        "SECRET_KEY": "load-bench-" + secrets.token_urlsafe(40),
        "RESGUARDO_DATA_DIR": str(data_dir),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_BACKEND": "memory",
        "LOG_LEVEL": "ERROR",
    }


# Seeding ----------------------------------------------------------------------------------


def _seed_process(env, first, last, out, *, prepare):
    command = [sys.executable, str(HERE / "load_seed.py"), "--first", str(first)]
    command += ["--last", str(last), "--out", str(out)] + (["--prepare"] if prepare else [])
    return subprocess.Popen(command, env={**os.environ, **env, "TASKS_BACKEND": "immediate"})  # noqa: S603


def seed(env: dict, orgs: int, jobs: int, folder: Path) -> list[dict]:
    """Migrate and seed organization 1, then the others in `jobs` processes at once."""
    started = time.monotonic()
    first = _seed_process(env, 1, 1, folder / "seed-1.json", prepare=True)
    if first.wait() != 0:
        raise SystemExit("seeding failed (see above)")
    running = [
        _seed_process(env, first, last, folder / f"seed-{first}.json", prepare=False)
        for first, last in split_contiguous(orgs, jobs)
    ]
    if any(p.wait() != 0 for p in running):
        raise SystemExit("seeding failed (see above)")
    records = []
    for part in sorted(folder.glob("seed-*.json")):
        records += json.loads(part.read_text(encoding="utf-8"))
    print(f"  {len(records)} organizations ready in {time.monotonic() - started:.0f} s")
    return sorted(records, key=lambda r: r["number"])


def split_contiguous(orgs: int, jobs: int) -> list[tuple[int, int]]:
    rest = orgs - 1
    size = -(-rest // jobs) if rest else 0
    return [(2 + i, min(orgs, 1 + i + size)) for i in range(0, rest, size)] if size else []


# Watching ---------------------------------------------------------------------------------


class Sampler(threading.Thread):
    """CPU and resident memory of each watched process (and its children) every second."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = report.Samples()
        self.watched: dict[str, subprocess.Popen] = {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(1.0):
            now = time.time()
            for label, popen in list(self.watched.items()):
                try:
                    process = psutil.Process(popen.pid)
                    family = [process, *process.children(recursive=True)]
                    cpu = sum(sum(p.cpu_times()[:2]) for p in family)
                    rss = sum(p.memory_info().rss for p in family)
                except psutil.Error:
                    continue
                self.samples.rows.append((now, label, popen.pid, cpu, rss))


class Postmaster:
    """PostgreSQL's main process, watched like the others (its backends are its children)."""

    def __init__(self):
        self.pid = next(
            (
                p.pid
                for p in psutil.process_iter(["name"])
                if p.info["name"] == "postgres" and p.parent() and p.parent().name() != "postgres"
            ),
            -1,
        )


class Prober(threading.Thread):
    """Asks an app server's /readyz (the database reachable) four times a second."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.answers = url, []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(0.25):
            try:
                with urllib.request.urlopen(self.url, timeout=5) as answer:  # noqa: S310
                    self.answers.append((time.time(), answer.status == 200))
            except OSError:
                self.answers.append((time.time(), False))

    def back_after(self, at: float) -> str:
        after = [(t, ok) for t, ok in self.answers if t >= at]
        failed = [t for t, ok in after if not ok]
        if not failed:
            return "app server 2's /readyz never failed"
        back = next((t for t, ok in after if ok and t > failed[-1]), None)
        if back is None:
            return f"app server 2's /readyz failing since +{failed[0] - at:.1f} s, never back"
        return (
            f"app server 2's /readyz failed {len(failed)} times, ready again {back - at:.1f} s "
            "after the restart began (no restart of the server)"
        )


def run_locust(url, users, duration, records_file, log_file, sampler, spawn_rate):
    env = {**os.environ, "LOAD_USERS_FILE": str(records_file), "LOAD_LOG": str(log_file)}
    output = open(log_file.with_suffix(".out"), "wb")  # noqa: SIM115 (closed below)
    command = [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless"]
    command += ["--host", url, "-u", str(users), "-r", f"{spawn_rate:g}"]
    command += ["--run-time", f"{duration}s", "--stop-timeout", "5", "--only-summary"]
    command += ["--loglevel", "WARNING"]
    locust = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
    sampler.watched["load generator"] = locust
    return locust, output


# Faults -----------------------------------------------------------------------------------


def postgres_cluster() -> tuple[str, str]:
    versions = sorted(os.listdir("/etc/postgresql"), key=lambda v: float(v))
    return versions[-1], "main"


def restart_postgres() -> tuple[float, float]:
    version, name = postgres_cluster()
    started = time.time()
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"],  # noqa: S607
        check=True,
    )
    return started, time.time()


class Faults(threading.Thread):
    """Kills one app server at `kill_at` (started again after `down_for` s, as systemd would),
    and restarts PostgreSQL at `restart_at` (seconds after the run starts)."""

    def __init__(self, cluster, sampler, t0, kill_at, down_for, restart_at):
        super().__init__(daemon=True)
        self.cluster, self.sampler, self.t0 = cluster, sampler, t0
        self.kill_at, self.down_for, self.restart_at = kill_at, down_for, restart_at
        self.moments: dict[str, float] = {}

    def _sleep_until(self, offset):
        time.sleep(max(0.0, self.t0 + offset - time.time()))

    def run(self):
        if self.kill_at is not None:
            self._sleep_until(self.kill_at)
            port = self.cluster.server_ports[0]
            self.moments["killed"] = time.time()
            self.cluster.kill_server(port)
            self._sleep_until(self.kill_at + self.down_for)
            self.moments["started again"] = time.time()
            self.cluster.start_server(port)
            self.sampler.watched["app server 1"] = self.cluster.processes[port]
        if self.restart_at is not None:
            self._sleep_until(self.restart_at)
            self.moments["postgres restart"], self.moments["postgres up"] = restart_postgres()


# Checks after the run --------------------------------------------------------------------


def latest_saves(log: report.Log, before: float | None = None) -> dict[int, str]:
    latest = {}
    for t, pk, text in sorted(log.saved):
        if before is None or t < before:
            latest[pk] = text
    return latest


def lost_answers(log: report.Log, read_comments) -> str:
    latest = latest_saves(log)
    if not latest:
        return "no answers saved"
    stored = read_comments(list(latest))
    missing = [pk for pk, text in latest.items() if stored.get(pk) != text]
    return (
        f"{len(log.saved)} answers acknowledged; the last one of each of {len(latest)} "
        f"requirements is in the database: {len(latest) - len(missing)}/{len(latest)}"
    )


def postgres_reader(url):
    def read(pks):
        with psycopg.connect(url) as db:
            rows = db.execute(
                "SELECT id, comments FROM compliance_requirementresult WHERE id = ANY(%s)", (pks,)
            ).fetchall()
        return dict(rows)

    return read


def task_queue(url) -> str:
    with psycopg.connect(url) as db:
        rows = db.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
        ).fetchall()
    return ", ".join(f"{status.lower()} {count}" for status, count in sorted(rows)) or "empty"


# Phases -----------------------------------------------------------------------------------


SERVER_LABELS = [
    ("app server", "app servers"),
    ("worker", "worker"),
    ("nginx", "nginx"),
    ("PostgreSQL", "PostgreSQL"),
]


def print_phase(title, log, users, t0, t1, sampler, labels):
    requests = report.between(log.requests, t0, t1 + 120)
    seconds = t1 - t0
    print(f"\n== {title}: {users} users, {seconds:.0f} s")
    print("  whole run    " + report.summary(requests, seconds))
    print(f"  {report.served_users(requests, users)}")
    print("  " + sampler.samples.line(labels, t0, t1))
    print("  load generator: " + sampler.samples.line([("load generator", "locust")], t0, t1))
    print("  per page (whole run, ms):")
    print("\n".join(report.page_table(requests, seconds)))


def print_faults(log, moments, prober, sampler, t0, t1, ramp) -> None:
    steady_end = moments.get("killed", t1)
    if t0 + ramp < steady_end:
        steady = report.between(log.requests, t0 + ramp, steady_end)
        print(
            f"  steady, 2 servers ({steady_end - t0 - ramp:.0f} s after the ramp-up): "
            + report.summary(steady, steady_end - t0 - ramp)
        )
        print("    " + sampler.samples.line(SERVER_LABELS[:1], t0 + ramp, steady_end))
        print("    " + report.capacity(sampler.samples, steady, t0 + ramp, steady_end))
    if "killed" in moments:
        killed, back = moments["killed"], moments["started again"]
        print(
            f"  app server 1 killed at +{killed - t0:.0f} s, started again "
            f"{back - killed:.0f} s later:"
        )
        print("    " + report.recovery(log.requests, killed, back - killed))
        one = report.between(log.requests, killed, back)
        print("    while one server ran: " + report.summary(one, back - killed))
    if "postgres restart" in moments:
        at, up = moments["postgres restart"], moments["postgres up"]
        print(f"  PostgreSQL restarted at +{at - t0:.0f} s (pg_ctlcluster took {up - at:.1f} s):")
        print("    " + report.recovery(log.requests, at, 60))
        failed = [r.ended for r in log.requests if r.error and at <= r.ended <= at + 60]
        if failed:
            print(f"    users' last error {max(failed) - up:.1f} s after PostgreSQL was up again")
        print("    " + prober.back_after(at))
        after = report.between(log.requests, up + 10, t1)
        if after:
            print("    from 10 s after the restart: " + report.summary(after, t1 - up - 10))


def postgres_phase(args, workdir: Path) -> None:
    reuse = args.database is not None
    name = args.database or f"resguardo_load_{int(time.time())}_{os.getpid()}"
    url = f"postgres://postgres@127.0.0.1:5432/{name}"
    data_dir = workdir / "postgres"
    env = {**base_env(data_dir), "DATABASE_URL": url, "DB_CONN_MAX_AGE": "60"}
    cluster = worker = locust = None
    sampler = Sampler()
    records_file = workdir / "postgres-users.json"
    if reuse:
        print(f"\n-- PostgreSQL database {name}, seeded before ({args.users_file})")
        shutil.copy(args.users_file, records_file)
    else:
        template = f' TEMPLATE "{args.template}"' if args.template else ""
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"{template}')
        print(f"\n-- PostgreSQL database {name}: migrating and seeding {args.orgs} organizations")
    try:
        data_dir.mkdir(parents=True)
        if reuse:  # the stored files (evidence) of that run
            shutil.copytree(Path(args.users_file).parent / "postgres" / "files", data_dir / "files")
        else:
            records = seed(env, args.orgs, args.seed_jobs, workdir)
            records_file.write_text(json.dumps(records), encoding="utf-8")
        server_env = {**env, "TASKS_BACKEND": "database"}
        cluster = Cluster(
            data_dir=data_dir,
            env=server_env,
            servers=2,
            threads=args.threads,
            serve_options=["--processes", str(args.processes)],
        ).start()
        worker_log = open(data_dir / "worker.log", "wb")  # noqa: SIM115
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "resguardo.cli", "worker"],
            env={**os.environ, **server_env},
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        for n, port in enumerate(cluster.server_ports, start=1):
            sampler.watched[f"app server {n}"] = cluster.processes[port]
        sampler.watched["worker"] = worker
        sampler.watched["nginx"] = cluster.nginx
        sampler.watched["PostgreSQL"] = Postmaster()
        sampler.start()
        # asked directly (a 503 through nginx would take the server out of rotation for 5 s)
        prober = Prober(f"http://127.0.0.1:{cluster.server_ports[-1]}/readyz")
        prober.start()
        log_file = workdir / "postgres-requests.csv"
        duration, ramp = args.duration, args.users / args.spawn_rate
        t0 = time.time()
        locust, output = run_locust(
            cluster.url, args.users, duration, records_file, log_file, sampler, args.spawn_rate
        )
        faults = Faults(
            cluster,
            sampler,
            t0,
            kill_at=duration * 0.4 if "kill" in args.faults else None,
            down_for=min(30.0, duration * 0.15),
            restart_at=duration * 0.7 if "postgres" in args.faults else None,
        )
        faults.start()
        locust.wait(timeout=duration + 180)
        t1 = time.time()
        output.close()
        faults.join(timeout=60)
        log = report.read_log(log_file)
        print_phase(
            "PostgreSQL, nginx + 2 app servers + worker",
            log,
            args.users,
            t0,
            t1,
            sampler,
            SERVER_LABELS,
        )
        print_faults(log, faults.moments, prober, sampler, t0, t1, ramp)
        print("  " + lost_answers(log, postgres_reader(url)))
        alive = "running" if worker.poll() is None else f"EXITED with code {worker.returncode}"
        print(f"  worker after the run: {alive}; task queue: {task_queue(url)}")
        servers_alive = sum(1 for p in cluster.processes.values() if p.poll() is None)
        print(f"  app servers running after the run: {servers_alive}/{len(cluster.processes)}")
    finally:
        sampler.stopping.set()
        for process in (locust, worker):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        if cluster is not None:
            cluster.stop()
        if not args.keep and not reuse:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlite_phase(args, workdir: Path) -> None:
    print(f"\n-- embedded SQLite: migrating and seeding {args.sqlite_orgs} organizations")
    data_dir = workdir / "sqlite"
    data_dir.mkdir(parents=True)
    env = base_env(data_dir)
    server = locust = None
    sampler = Sampler()
    try:
        records = seed(env, args.sqlite_orgs, 1, data_dir)
        records_file = workdir / "sqlite-users.json"
        records_file.write_text(json.dumps(records), encoding="utf-8")
        port = free_port()
        server_log = open(data_dir / "server.log", "wb")  # noqa: SIM115
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "resguardo.cli", "serve", "--port", str(port)],
            env={**os.environ, **env},
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{url}/readyz")
        sampler.watched["app server"] = server
        sampler.start()
        log_file = workdir / "sqlite-requests.csv"
        spawn_rate = min(args.spawn_rate, args.sqlite_users / 10)
        t0 = time.time()
        locust, output = run_locust(
            url, args.sqlite_users, args.duration, records_file, log_file, sampler, spawn_rate
        )
        locust.wait(timeout=args.duration + 180)
        t1 = time.time()
        output.close()
        log = report.read_log(log_file)
        print_phase(
            "embedded SQLite, one `resguardo serve`",
            log,
            args.sqlite_users,
            t0,
            t1,
            sampler,
            [("app server", "app server")],
        )
        ramp = args.sqlite_users / spawn_rate
        steady = report.between(log.requests, t0 + ramp, t1)
        rest = t1 - t0 - ramp
        print(f"  after the ramp-up ({rest:.0f} s): {report.summary(steady, rest)}")

        def read_comments(pks):
            import sqlite3

            with sqlite3.connect(data_dir / "resguardo.sqlite3") as db:
                marks = ",".join("?" * len(pks))
                return dict(
                    db.execute(
                        f"SELECT id, comments FROM compliance_requirementresult "  # noqa: S608
                        f"WHERE id IN ({marks})",
                        pks,
                    ).fetchall()
                )

        print("  " + lost_answers(log, read_comments))
    finally:
        sampler.stopping.set()
        for process in (locust, server):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200, help="users on PostgreSQL (200)")
    parser.add_argument("--sqlite-users", type=int, default=50, help="users on SQLite (50)")
    parser.add_argument("--duration", type=int, default=180, help="seconds per phase (180)")
    parser.add_argument("--orgs", type=int, default=20, help="organizations seeded (20)")
    parser.add_argument("--sqlite-orgs", type=int, default=None, help="(default: --orgs)")
    parser.add_argument("--spawn-rate", type=float, default=None, help="users started per s")
    parser.add_argument("--processes", type=int, default=2, help="processes per server (2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per process (4)")
    parser.add_argument("--seed-jobs", type=int, default=2, help="seeding processes (2)")
    parser.add_argument(
        "--phases", default="postgres,sqlite", help="postgres,sqlite (both by default)"
    )
    parser.add_argument(
        "--faults",
        default="kill,postgres",
        help="kill (an app server), postgres (restart it); 'none' for neither",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and folder")
    parser.add_argument(
        "--database",
        help="an existing database seeded by an earlier run with --keep (used, never dropped)",
    )
    parser.add_argument(
        "--users-file",
        help="with --database: that run's postgres-users.json (its folder's files are copied)",
    )
    parser.add_argument(
        "--template",
        help="create the PostgreSQL database as a copy of this one (already migrated)",
    )
    args = parser.parse_args()
    args.sqlite_orgs = args.sqlite_orgs or args.orgs
    if (args.database is None) != (args.users_file is None):
        raise SystemExit("--database and --users-file go together")
    args.spawn_rate = args.spawn_rate or max(1.0, args.users / 40)
    if not shutil.which("pg_ctlcluster") and "postgres" in args.faults:
        raise SystemExit("pg_ctlcluster not found: run with --faults kill")
    workdir = Path(tempfile.mkdtemp(prefix="resguardo-load-"))
    print(
        f"Load benchmark; machine: {os.cpu_count()} cores, load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}; files in {workdir}\n"
        f"{args.users} users on PostgreSQL, {args.sqlite_users} on SQLite, {args.duration} s "
        f"each, {args.orgs} organizations ({args.sqlite_orgs} on SQLite), "
        f"{args.spawn_rate:g} users started per s, faults: {args.faults}"
    )
    started, cpu = time.monotonic(), time.process_time()
    try:
        if "postgres" in args.phases:
            postgres_phase(args, workdir)
        if "sqlite" in args.phases:
            sqlite_phase(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"\nTotal {time.monotonic() - started:.0f} s wall; this script's own CPU "
        f"{time.process_time() - cpu:.0f} s; load average now "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )


if __name__ == "__main__":
    main()
