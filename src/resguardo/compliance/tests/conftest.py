import pytest

from resguardo.standards.models import Library

from .factories import (
    RECOGNITION_FILES,
    RECOGNITION_NEEC_URN,
    load_libraries,
    neec_library,
    start_assessment,
)


@pytest.fixture
def neec(db):
    return neec_library()


@pytest.fixture
def catalog(db):
    """NEEC, C-TPAT and WCO SAFE (the current versions) with the two crosswalks from NEEC;
    returns that NEEC version."""
    load_libraries(RECOGNITION_FILES)
    return Library.objects.get(urn=RECOGNITION_NEEC_URN)


@pytest.fixture
def assessment(world, neec):
    """An organization-wide NEEC assessment of Norte started by carla (no yard flag)."""
    return start_assessment(world)
