import pytest

from resguardo.compliance.tests.factories import neec_library

from .helpers import demo_assessment


@pytest.fixture
def neec(db):
    return neec_library()


@pytest.fixture
def demo(world, neec):
    """(assessment, {name: evidence}): a fully answered NEEC assessment of Norte."""
    return demo_assessment(world)
