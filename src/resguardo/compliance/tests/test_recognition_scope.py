"""The mutual-recognition page frames C-TPAT truthfully and leaves the criteria written for
cargo handlers out of the coverage of an agency that handles no cargo."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from resguardo.core.services import site_update

from .. import selectors
from .factories import start_assessment


@pytest.fixture(autouse=True)
def _language_kept():
    """An English request (cookie) changes the thread's active language: give it back."""
    language = translation.get_language()
    yield
    translation.activate(language)


def _ctpat(world):
    view = selectors.recognition_view(membership=world.membership(world.carla))
    return next(
        r for r in view.reports if r.mapping_set.target_library.framework.key == "ctpat-msc"
    )


def _page(client) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("compliance:recognition")).content.decode()
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_cargo_criteria_leave_the_coverage_when_the_agency_handles_no_cargo(
    world, catalog, client_for
):
    start_assessment(world, library=catalog)
    client = client_for(world.carla)
    with_yard = _ctpat(world)
    refs = {t.target.ref_id for t in with_yard.targets}
    assert {"5.1", "6.2", "9.5"} <= refs  # Norte runs a yard: cargo criteria count
    assert with_yard.scoped_out == []
    before = sum(with_yard.counts()[s] for s in ("full", "partial", "none"))
    page = _page(client)
    assert "cannot join C-TPAT as a broker" in page
    assert "answer their security questionnaires" in page
    assert "handles no cargo" not in page

    site_update(actor=world.actor(world.alice), site=world.yard, is_active=False)
    offices_only = _ctpat(world)
    scoped = {n.ref_id for n in offices_only.scoped_out}
    assert {"5.1", "6.2", "9.5", "10.7"} <= scoped
    assert "4.1" not in scoped and "9.10" not in scoped  # not cargo criteria: still counted
    assert not scoped & {t.target.ref_id for t in offices_only.targets}
    after = sum(offices_only.counts()[s] for s in ("full", "partial", "none"))
    assert after == before - len(scoped)
    page = _page(client)
    assert "The agency handles no cargo" in page
    assert re.search(r"\d+ criteria not applicable: the agency handles no cargo", page)


def test_the_purpose_is_stated_before_any_assessment(world, catalog, client_for):
    page = _page(client_for(world.carla))
    assert "cannot join C-TPAT as a broker" in page


def test_an_assessment_on_the_older_version_is_told_of_the_corrected_crosswalk(
    world, catalog, client_for
):
    from .factories import load_libraries, neec_library

    older = neec_library()  # NEEC 2023, before revision 2
    load_libraries(("ctpat-msc-2019.yaml", "map-neec-aa-2023-ctpat-msc-2019.yaml"))
    start_assessment(world, library=older)
    page = _page(client_for(world.carla))
    assert "This assessment uses version 2023 of the profile" in page
    assert "A newer version with corrected crosswalks is loaded" in page
