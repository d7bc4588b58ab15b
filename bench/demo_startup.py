"""`resguardo demo` from an empty data folder to the first page served, then the SQL query
counts of the main pages on the demo data.

    uv run python bench/demo_startup.py

Prints figures; the target is under 15 s on 2 cores. Nothing here is asserted.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

TIMEOUT_S = 120
PAGES = [
    ("dashboard", "/"),
    ("sites", "/sites/"),
    ("members", "/members/"),
    ("audit log", "/audit/"),
    ("API sites", "/api/v1/sites/"),
    ("API members", "/api/v1/members/"),
    ("API audit log", "/api/v1/audit-log/"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_command(port: int) -> list[str]:
    if shutil.which("uv"):
        return ["uv", "run", "--quiet", "resguardo", "demo", "--port", str(port)]
    return [sys.executable, "-m", "resguardo.cli", "demo", "--port", str(port)]


def clean_env(data_dir: Path) -> dict:
    env = dict(os.environ)
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "SECRET_KEY_FILE"):
        env.pop(name, None)
    env["RESGUARDO_DATA_DIR"] = str(data_dir)
    return env


def wait_for_login_page(url: str, process: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"resguardo demo exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # follows / → login
                if response.status == 200 and "/accounts/login/" in response.url:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise SystemExit(f"no page after {TIMEOUT_S} s")


def time_demo_startup(data_dir: Path) -> float:
    port = free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        demo_command(port),
        env=clean_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, stopped below by its id
    )
    try:
        wait_for_login_page(f"http://127.0.0.1:{port}/", process, started + TIMEOUT_S)
        return time.monotonic() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def query_counts(data_dir: Path) -> list[tuple[str, int, int]]:
    """Each page as the demo administrator, against the demo's own database."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY_FILE=str(data_dir / "secret_key"),
        ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from resguardo.accounts.models import User
    from resguardo.core.demo import demo_email

    client = Client()
    client.force_login(User.objects.get(email=demo_email("admin")))
    results = []
    for label, url in PAGES:
        client.get(url)  # warm-up: per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        results.append((label, response.status_code, len(queries)))
    return results


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        data_dir = Path(tmp) / "var"
        seconds = time_demo_startup(data_dir)
        print(
            f"resguardo demo, empty data folder → login page served: {seconds:.2f} s "
            f"(target < 15 s; {os.cpu_count()} cores)"
        )
        print("\nSQL queries per page (demo administrator, demo data):")
        for label, status, count in query_counts(data_dir):
            print(f"  {label:<15} HTTP {status}  {count:>3} queries")


if __name__ == "__main__":
    main()
