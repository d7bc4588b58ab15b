"""Loading the standards libraries into an empty database.

    uv run python bench/standards_load.py

Runs on a throwaway SQLite database in a temporary folder. Prints figures only. Targets: every
shipped library under 5 s; a generated 1,209-requirement library under 0.5 s.
"""

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
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(label: str, fn, target: float | None = None):
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    verdict = "" if target is None else (" OK" if elapsed < target else f" OVER {target} s")
    print(f"{label:<58} {elapsed:7.3f} s{verdict}")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="resguardo-bench-") as tmp:
        setup(Path(tmp))
        from resguardo.standards.models import Mapping, RequirementNode
        from resguardo.standards.services import libraries_load, library_files
        from resguardo.standards.tests.helpers import (
            dump,
            generated_framework,
            generated_mapping_set,
        )
        from resguardo.standards.validation import validate_files

        files = library_files()
        timed(f"validate the {len(files)} shipped files", lambda: validate_files(files))
        timed("load every shipped library into an empty database", libraries_load, 5.0)
        print(
            f"  {RequirementNode.objects.count()} requirements, {Mapping.objects.count()} mappings"
        )
        timed("load again (unchanged: idempotent)", libraries_load)

        generated = Path(tmp) / "generated"
        generated.mkdir()
        big = generated_framework("bench", "1", 1209)
        path = dump(generated / "bench-1.yaml", big)
        print(f"generated library: 1,209 requirements, {path.stat().st_size // 1024} KiB of YAML")
        timed("  read and validate it", lambda: validate_files([path]))
        timed(
            "  load it (validate again, then write)",
            lambda: libraries_load(directory=generated),
            0.5,
        )
        other = generated_framework("bench-other", "1", 1209)
        dump(generated / "bench-other-1.yaml", other)
        dump(generated / "map.yaml", generated_mapping_set(big, other, 2000))
        timed(
            "load another 1,209 plus a 2,000-mapping crosswalk",
            lambda: libraries_load(directory=generated),
        )


if __name__ == "__main__":
    main()
