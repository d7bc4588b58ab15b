"""Dimension-bomb spreadsheets: peak memory above idle and time until they are refused.

    uv run python bench/xlsx_bomb.py

Each file (about 1.5 KB) declares `<dimension ref="A1:XFD1048576"/>` and holds one far cell.
Every import (partners, shipments, assessment workbooks) reads through core.tabular, measured
here in a fresh process per file. Target: under 50 MB above idle. Prints figures only.
"""

import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
BOMBS = ["far_row_bomb", "far_column_bomb"]


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def measure(bomb_name: str) -> None:
    sys.path.insert(0, str(SRC))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resguardo.config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdef")
    import django

    django.setup()
    from django.core.exceptions import ValidationError

    from resguardo.core.tabular import bombs, read_table

    data = getattr(bombs, bomb_name)()
    import openpyxl  # noqa: F401 - loaded before measuring: its import is not the file's cost
    import openpyxl.worksheet._reader  # noqa: F401

    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current RSS
    idle = _rss_kb("VmRSS")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        list(read_table(data, "bomba.xlsx").rows)
        outcome = "read (not refused!)"
    except ValidationError as error:
        outcome = f"refused: {error.messages[0]}"
    seconds = time.perf_counter() - started
    peak = _rss_kb("VmHWM")
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{bomb_name:16} {len(data):5} bytes  peak RSS above idle {(peak - idle) / 1024:6.1f} MB"
        f" (Python allocations {python_peak / 1024:5.0f} KB)  {seconds * 1000:6.1f} ms  {outcome}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        measure(sys.argv[1])
    else:
        for name in BOMBS:
            subprocess.run([sys.executable, __file__, name], check=True)
