"""Importing a 12,000-row SAT 69-B file (windows-1252, preamble, 20 columns).

    uv run python bench/partners_import.py [--rows 12000]

Times the real importer (read, check, store every entry in one transaction) on a throwaway
SQLite database, then the refusal of a file in the wrong encoding. Target (issue 5):
under 5 s. Prints figures only.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=12000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
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


if __name__ == "__main__":
    main()
