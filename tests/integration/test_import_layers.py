"""The import contracts in pyproject.toml ([tool.importlinter]) hold, and they do bite: a
deliberate reverse import in a scratch copy of the package breaks them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "resguardo"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is a dev dependency (uv sync installs it)"
)


def _lint(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _scratch_copy(tmp_path: Path) -> Path:
    """Only the Python files: templates, catalogs and libraries play no part in imports."""
    source = tmp_path / "src"
    shutil.copytree(
        PACKAGE,
        source / "resguardo",
        ignore=shutil.ignore_patterns(
            "__pycache__", "templates", "static", "locale", "libraries", "*.yaml", "*.json"
        ),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return source


def test_the_tree_keeps_every_import_contract():
    result = _lint(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "reverse_import", "contract"),
    [
        ("core/selectors.py", "import resguardo.partners", "Layers"),
        ("core/services.py", "import resguardo.accounts.services", "core does not import"),
        ("partners/selectors.py", "import resguardo.shipments.services", "Domain apps"),
    ],
)
def test_a_reverse_import_breaks_its_contract(tmp_path, module, reverse_import, contract):
    source = _scratch_copy(tmp_path)
    assert _lint(tmp_path, source).returncode == 0  # the copy itself is clean

    target = source / "resguardo" / module
    target.write_text(target.read_text() + f"\n{reverse_import}  # deliberate\n")
    result = _lint(tmp_path, source)

    assert result.returncode != 0
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout
