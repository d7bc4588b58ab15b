import pytest

from .factories import RECOGNITION_FILES, load_libraries, neec_library, start_assessment


@pytest.fixture
def neec(db):
    return neec_library()


@pytest.fixture
def catalog(db):
    """NEEC, C-TPAT and WCO SAFE with the two crosswalks from NEEC."""
    load_libraries(RECOGNITION_FILES)
    return neec_library()


@pytest.fixture
def assessment(world, neec):
    """An organization-wide NEEC assessment of Norte started by carla (no yard flag)."""
    return start_assessment(world)
