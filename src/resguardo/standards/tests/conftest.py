import pytest

from resguardo.standards.services import libraries_load

from .helpers import MINI, fixture_dir


@pytest.fixture
def mini_catalog(db, tmp_path):
    """alpha 1 (with a yard-only and an unverified requirement), beta 1, a crosswalk between
    them and a checklist set, loaded."""
    libraries_load(directory=fixture_dir(tmp_path, *MINI))
    return tmp_path / "libs"
