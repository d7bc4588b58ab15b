import pytest

from resguardo.shipments.tests.factories import patente


@pytest.fixture(autouse=True)
def english_interface(settings):
    """These tests read the English msgids; the product's default language is Spanish."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def patentes(world):
    patente(world.org, "3921")
    patente(world.org, "3945")
    patente(world.other_org, "1780", aduana="16")
    return world


@pytest.fixture
def checklists(db):
    """The shipped inspection point lists (the E4 form's, and C-TPAT's 7, 8 and 17 points)
    from the standards catalog."""
    from resguardo.standards.services import LIBRARIES_DIR, libraries_load

    libraries_load(
        paths=[
            LIBRARIES_DIR / "inspection-points-2019.yaml",
            LIBRARIES_DIR / "inspection-points-e4-2026.yaml",
        ]
    )
