"""Revision 2 of the shipped catalog (December 2026): official titles, Resguardo's own
numbering marked, C-TPAT criteria added as unverified, crosswalk corrections published as new
library versions, and the C-TPAT criteria for cargo handlers scoped out for an agency that
handles no cargo."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from resguardo.core.services import site_update
from resguardo.standards import selectors
from resguardo.standards.models import RequirementNode
from resguardo.standards.services import libraries_load
from resguardo.standards.validation import validate_files

from .helpers import write_yaml

NEEC_OLD, NEEC = "urn:resguardo:neec-aa:2023", "urn:resguardo:neec-aa:2023-r2"
CTPAT = "urn:resguardo:ctpat-msc:2019-r2"
NOT_APPLICABLE = "Not applicable: the agency handles no cargo"


def shown_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(unescape(text).split())


def in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def node(urn) -> RequirementNode:
    return RequirementNode.objects.get(urn=urn)


@pytest.fixture(autouse=True)
def _language_kept():
    """Requests in English (cookie) and commands change the thread's active language; give
    the next test the one it had."""
    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.fixture
def shipped(db):
    libraries_load()


def _link(change):
    return (change.own.ref_id, change.other.library.framework.key, change.other.ref_id)


def test_new_versions_load_beside_the_old_and_the_diff_lists_the_crosswalk_changes(shipped):
    assert selectors.library_active("neec-aa").urn == NEEC
    assert selectors.library_active("ctpat-msc").urn == CTPAT
    assert selectors.library_active("wco-safe").urn == "urn:resguardo:wco-safe:2021-r2"
    old = selectors.library_get(NEEC_OLD)  # kept: assessments stay tied to it
    result = selectors.library_diff(old, selectors.library_get(NEEC))

    changed = {c.new.ref_id: c.fields for c in result.changed}
    assert "title" in changed["1.4"] and "title" in changed["2.7"]
    assert {"verified", "numbering"} <= set(changed["2.7.P1"])
    added = {_link(c) for c in result.mappings_added}
    assert ("2.4", "ctpat-msc", "9.5") in added
    assert ("2.4.P1", "ctpat-msc", "9.5") in added
    assert ("2.7", "ctpat-msc", "9.10") in added
    removed = {_link(c) for c in result.mappings_removed}
    assert ("6.2", "ctpat-msc", "12.4") in removed
    assert ("2.4.P1", "ctpat-msc", "5.1") in removed
    rechanged = {_link(c): c for c in result.mappings_changed}
    near_equal = rechanged[("2.7", "ctpat-msc", "9.14")]
    assert (near_equal.old.relationship, near_equal.new.relationship) == ("intersect", "equal")
    assert "notice" in near_equal.new.rationale_en
    overlap = rechanged[("10.1", "ctpat-msc", "12.6")]
    assert overlap.new.relationship == "intersect" and "relationship" in overlap.fields
    assert overlap.new.rationale_es and overlap.new.rationale_en


def test_the_diff_page_shows_the_crosswalk_changes(shipped, world, client_for):
    client = in_language(client_for(world.carla), "en")
    response = client.get(reverse("standards:diff"), {"old": NEEC_OLD, "new": NEEC})
    text = shown_text(response)
    assert response.status_code == 200
    assert "Crosswalk changes" in text
    assert re.search(r"Links to other frameworks: \d+ added, \d+ removed, \d+ changed", text)
    assert "No private vehicles in or next to cargo areas" in text  # 2.4 -> 9.5 added
    assert "Verifying training objectives" in text  # 6.2 -> 12.4 removed


def test_official_titles_of_1_4_and_2_7(shipped):
    contingency, cctv = node(f"{NEEC}:1.4"), node(f"{NEEC}:2.7")
    assert contingency.title_es == (
        "Planes de contingencia y/o emergencia relacionados con la seguridad de la cadena de "
        "suministros"
    )
    assert (
        contingency.title_en
        == "Contingency and/or emergency plans related to supply-chain security"
    )
    assert cctv.title_es == (
        "Sistemas de alarma y circuito cerrado de televisión y video vigilancia (CCTV)"
    )
    assert (
        cctv.title_en == "Alarm systems and closed-circuit television and video surveillance (CCTV)"
    )
    assert node("urn:resguardo:wco-safe:2021-r2:AEO-M").title_en == (
        "Measurement, analyses and improvement"
    )


def test_yard_items_carry_resguardo_s_numbering_and_the_form_confirms_two(
    shipped, world, client_for
):
    yard = RequirementNode.objects.filter(library__urn=NEEC, ref_id__contains=".P")
    assert yard.count() == 9
    assert all(item.resguardo_numbering for item in yard)
    assert not RequirementNode.objects.filter(library__urn=NEEC, resguardo_numbering=True).exclude(
        ref_id__contains=".P"
    )
    assert node(f"{NEEC}:2.7.P1").verified and node(f"{NEEC}:3.1.P1").verified
    assert not node(f"{NEEC_OLD}:2.7.P1").verified  # the old version is unchanged
    client = in_language(client_for(world.carla), "en")
    page = shown_text(client.get(reverse("standards:requirement", args=[f"{NEEC}:2.3.P1"])))
    official = shown_text(client.get(reverse("standards:requirement", args=[f"{NEEC}:2.3"])))
    assert "Resguardo's numbering" in page
    assert "Resguardo's numbering" in official  # shown beside 2.3.P1 in the "Contains" list
    in_language(client, "es-mx")
    tree = shown_text(client.get(reverse("standards:browse"), {"library": NEEC}))
    assert "numeración de Resguardo" in tree


def test_policy_acknowledgements_named_as_records_of_1_2(shipped):
    policy = node(f"{NEEC}:1.2")
    assert "risks.policy_acknowledgement" in policy.indicators
    assert any("acknowledgement" in item["en"] for item in policy.evidence)


def test_added_c_tpat_criteria_present_and_unverified(shipped):
    added = ("7.7", "9.5", "9.7", "9.9", "9.10", "9.12", "10.7", "10.9")
    rows = {n.ref_id: n for n in RequirementNode.objects.filter(library__urn=CTPAT)}
    for ref in added:
        assert ref in rows, ref
        assert not rows[ref].verified, ref
        assert rows[ref].assessable, ref
    assert rows["9.10"].level == "must"
    assert "restricted" in rows["9.10"].title_en
    assert "private vehicles" in rows["9.5"].title_en
    assert rows["9.5"].applies_if == ["handles_cargo"]
    # the order follows the numbers inside category 9
    nine = [n.ref_id for n in sorted(rows.values(), key=lambda n: n.order) if n.ref_id[:2] == "9."]
    assert nine == sorted(nine, key=lambda ref: int(ref.split(".")[1]))


def _framework(parent_verified: bool, child_verified: bool) -> str:
    return f"""
kind: framework
urn: urn:resguardo:gamma:1
framework: gamma
version: "1"
name: {{es: "Gama", en: "Gamma"}}
nodes:
  - urn: urn:resguardo:gamma:1:1
    ref_id: "1"
    title: {{es: "Grupo", en: "Group"}}
    verified: {str(parent_verified).lower()}
  - urn: urn:resguardo:gamma:1:1.1
    parent: urn:resguardo:gamma:1:1
    ref_id: "1.1"
    title: {{es: "Requisito", en: "Requirement"}}
    verified: {str(child_verified).lower()}
"""


@pytest.mark.parametrize(
    "parent, child, ok", [(False, True, False), (True, False, True), (False, False, True)]
)
def test_a_verified_child_under_an_unverified_parent_is_refused(tmp_path, parent, child, ok):
    path = write_yaml(tmp_path / "gamma-1.yaml", _framework(parent, child))
    report = validate_files([path])
    assert report.ok is ok
    if not ok:
        [problem] = report.problems
        assert problem.path == "nodes[1].verified"
        assert "unverified parent urn:resguardo:gamma:1:1" in problem.message


def _browse_ctpat(client) -> str:
    return shown_text(client.get(reverse("standards:browse"), {"library": CTPAT}))


def test_cargo_criteria_scoped_out_for_an_agency_that_handles_no_cargo(shipped, world, client_for):
    client = in_language(client_for(world.carla), "en")
    with_yard = _browse_ctpat(client)
    assert NOT_APPLICABLE not in with_yard  # Norte runs a yard: it handles cargo
    assert "cannot join C-TPAT as a broker" in with_yard
    site_update(actor=world.actor(world.alice), site=world.yard, is_active=False)
    offices_only = _browse_ctpat(client)
    assert NOT_APPLICABLE in offices_only
    assert re.search(r"\d+ requirements do not apply to this organization", offices_only)
    seal = shown_text(client.get(reverse("standards:requirement", args=[f"{CTPAT}:6.2"])))
    policy = shown_text(client.get(reverse("standards:requirement", args=[f"{CTPAT}:4.1"])))
    assert NOT_APPLICABLE in seal
    assert NOT_APPLICABLE not in policy


def test_an_installation_with_a_catalog_gets_the_new_versions_on_migrate(db):
    from django.core.management import call_command

    from resguardo.standards.services import LIBRARIES_DIR

    libraries_load(paths=[LIBRARIES_DIR / "neec-aa-2023.yaml"])  # loaded by an older release
    assert selectors.library_active("neec-aa").urn == NEEC_OLD
    call_command("migrate", "standards", verbosity=0)  # nothing to migrate; post_migrate runs
    assert selectors.library_active("neec-aa").urn == NEEC
    assert selectors.library_get(NEEC_OLD)  # kept beside the new one
    assert selectors.library_active("ctpat-msc").urn == CTPAT


def test_an_empty_catalog_stays_empty_on_migrate(db):
    from django.core.management import call_command

    from resguardo.standards.models import Library

    call_command("migrate", "standards", verbosity=0)
    assert not Library.objects.exists()
