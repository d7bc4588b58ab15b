"""Streaming a 1 GB evidence package (target: the process stays under 200 MB of memory).

    uv run python bench/reports_evidence_zip.py [--mb 1024]

Throwaway SQLite database and local FileSystemStorage in a temporary folder. The first
process files ~1 GB of evidence (40 MB PDFs, through the evidence service, linked to the
requirements of a NEEC assessment). A fresh second process then downloads the package through
the real view (Django test client, signed in as the compliance officer) and writes it to
/dev/null, so its peak RSS is the streaming alone: Django, the PDF report and the ZIP.
Prints the time, the throughput and the process's peak RSS (VmHWM; ru_maxrss elsewhere);
with --trace, also the peak of Python allocations while streaming (tracemalloc).
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from resguardo.core.actors import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
FILE_MB = 40
TARGET_MB = 200


def setup(data_dir: Path, *, migrate: bool) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="resguardo.config.settings",
        RESGUARDO_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
        EMAIL_BACKEND="memory",
        STORAGE_BACKEND="local",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("MEDIA_ROOT", None)
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def _status_mb(field: str) -> float | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    for line in status.read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return None


def rss_mb() -> float:
    return _status_mb("VmRSS") or float("nan")


def peak_rss_mb() -> float:
    """This process's peak RSS. Linux keeps ru_maxrss across fork and exec, so a child started
    by a big parent would report the parent's peak: VmHWM (this process's own memory map)
    is the honest figure where it exists."""
    return _status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def file_evidence(total_mb: int, scratch: Path) -> tuple[int, str]:
    """(assessment id, the compliance officer's e-mail) after filing `total_mb` of files."""
    from django.core.files import File

    from resguardo.compliance import services
    from resguardo.compliance.choices import EvidenceKind
    from resguardo.compliance.tests.factories import neec_library, start_assessment
    from resguardo.testing.personas import build_world

    neec_library()
    world = build_world()
    carla = world.membership(world.carla)
    assessment = start_assessment(world, flags=["yard"], name="Paquete de evidencia")
    results = list(assessment.results.order_by("order"))
    count = max(1, total_mb // FILE_MB)
    for index in range(count):
        path = scratch / f"upload-{index}.pdf"
        with path.open("wb") as handle:
            handle.write(b"%PDF-1.4\n")
            for _ in range(FILE_MB):
                handle.write(os.urandom(1024 * 1024))
            handle.write(b"\n%%EOF\n")
        with path.open("rb") as handle:
            services.evidence_create(
                actor=Actor.for_member(carla),
                title=f"Grabación CCTV {index + 1:02d}",
                kind=EvidenceKind.FILE,
                file=File(handle, name=f"cctv-{index + 1:02d}.pdf"),
                result=results[index % len(results)],
            )
        path.unlink()
    return assessment.pk, world.carla.email


def stream(data_dir: Path, assessment_id: int, email: str, trace: bool) -> None:
    setup(data_dir, migrate=False)
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    before = rss_mb()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get(f"/reports/assessments/{assessment_id}/evidence-package.zip")
    assert response.status_code == 200 and response.streaming, response.status_code
    size = 0
    with open(os.devnull, "wb") as sink:
        for chunk in response.streaming_content:
            size += len(chunk)
            sink.write(chunk)
    elapsed = time.perf_counter() - started
    peak = peak_rss_mb()
    if trace:
        _current, python_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"with tracemalloc (slow; RSS includes its bookkeeping): peak Python "
            f"allocations while streaming {python_peak / 1024**2:.1f} MiB"
        )
    print(
        f"streamed {size / 1024**2:,.0f} MiB in {elapsed:.1f} s "
        f"({size / 1024**2 / elapsed:,.0f} MiB/s)"
    )
    print(
        f"RSS before the download {before:.0f} MiB; peak RSS of the process {peak:.0f} MiB "
        f"(target < {TARGET_MB} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=1024, help="evidence to file, in MiB")
    parser.add_argument(
        "--trace",
        action="store_true",
        help="also measure Python allocations with tracemalloc (slow)",
    )
    parser.add_argument(
        "--stream", nargs=3, metavar=("DATA_DIR", "ASSESSMENT", "EMAIL"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.stream:
        data_dir, assessment_id, email = args.stream
        stream(Path(data_dir), int(assessment_id), email, args.trace)
        return
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        scratch = Path(tmp) / "uploads"
        scratch.mkdir(parents=True)
        (data_dir / "static").mkdir(parents=True)
        setup(data_dir, migrate=True)
        started = time.perf_counter()
        assessment_id, email = file_evidence(args.mb, scratch)
        stored = sum(f.stat().st_size for f in (data_dir / "files").rglob("*") if f.is_file())
        print(
            f"setup: {stored / 1024**2:,.0f} MiB of evidence filed in "
            f"{time.perf_counter() - started:.0f} s"
        )
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--stream",
                str(data_dir),
                str(assessment_id),
                email,
                *(["--trace"] if args.trace else []),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
