"""Loading is idempotent, all or nothing, and keeps older versions."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from resguardo.standards import selectors
from resguardo.standards.models import (
    ChecklistPoint,
    Library,
    Mapping,
    MappingSet,
    RequirementNode,
)
from resguardo.standards.services import LibraryLoadError, libraries_load

from .helpers import FIXTURES, MINI, fixture_dir, write_yaml

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Library.objects.count(),
        RequirementNode.objects.count(),
        MappingSet.objects.count(),
        Mapping.objects.count(),
        ChecklistPoint.objects.count(),
    )


def test_load_builds_tree_mappings_and_checklists(mini_catalog):
    alpha = selectors.library_get("urn:resguardo:alpha:1")
    assert alpha.is_active and alpha.framework.key == "alpha"
    assert alpha.name_es == "Marco Alfa" and alpha.publisher_en == "Tests"
    node = selectors.node_get("urn:resguardo:alpha:1:2.1.P1")
    assert (node.depth, node.parent.ref_id, node.applies_if) == (2, "2.1", ["yard"])
    assert selectors.node_get("urn:resguardo:alpha:1:1").assessable is False  # has children
    assert selectors.node_get("urn:resguardo:alpha:1:2.1").assessable is True  # explicit
    assert selectors.node_get("urn:resguardo:alpha:1:1.2").verified is False
    assert _counts() == (2, 16, 1, 4, 3)


def test_reload_is_idempotent(mini_catalog):
    before = list(Library.objects.values_list("pk", "loaded_at", "content_sha256"))
    outcomes = libraries_load(directory=mini_catalog)
    assert [o.created for o in outcomes] == [False] * 4
    assert list(Library.objects.values_list("pk", "loaded_at", "content_sha256")) == before
    assert _counts() == (2, 16, 1, 4, 3)


def test_comment_and_layout_changes_do_not_count_as_a_change(mini_catalog):
    path = mini_catalog / "alpha-1.yaml"
    write_yaml(path, "# edited comment only\n" + path.read_text(encoding="utf-8"))
    outcomes = libraries_load(directory=mini_catalog)
    assert not any(o.created for o in outcomes)


def test_changed_library_with_same_version_is_refused(mini_catalog):
    path = mini_catalog / "alpha-1.yaml"
    write_yaml(path, path.read_text(encoding="utf-8").replace("Bardas en buen", "Cercas en buen"))
    with pytest.raises(LibraryLoadError) as error:
        libraries_load(directory=mini_catalog)
    message = str(error.value)
    assert "alpha-1.yaml: urn: urn:resguardo:alpha:1 is already loaded with different content" in (
        message
    )
    assert "a changed library needs a new version" in message
    assert RequirementNode.objects.get(urn="urn:resguardo:alpha:1:2.1").description_es == (
        "Bardas en buen estado."
    )


def test_new_version_is_kept_beside_old_and_becomes_active(mini_catalog):
    fixture_dir(mini_catalog.parent, "alpha-2.yaml")
    outcomes = libraries_load(directory=mini_catalog)
    assert [(o.urn, o.created) for o in outcomes if o.created] == [("urn:resguardo:alpha:2", True)]
    old = Library.objects.get(urn="urn:resguardo:alpha:1")
    new = Library.objects.get(urn="urn:resguardo:alpha:2")
    assert (old.is_active, new.is_active) == (False, True)
    assert selectors.library_active("alpha") == new
    # old nodes and the crosswalk made for the old version stay
    assert RequirementNode.objects.filter(library=old).count() == 6
    assert MappingSet.objects.get().source_library == old


def test_bad_mapping_file_loads_nothing_and_old_version_stays_active(mini_catalog, tmp_path):
    folder = fixture_dir(tmp_path, "alpha-2.yaml", "beta-1.yaml", folder="v2")
    mapping = (FIXTURES / "map-alpha-1-beta-1.yaml").read_text(encoding="utf-8")
    mapping = mapping.replace("alpha-1:beta-1", "alpha-2:beta-1").replace(
        "urn:resguardo:alpha:1", "urn:resguardo:alpha:2"
    )  # 1.2 does not exist in version 2: a mapping to a missing requirement
    write_yaml(folder / "map-alpha-2-beta-1.yaml", mapping)
    before = _counts()
    with pytest.raises(LibraryLoadError) as error:
        libraries_load(directory=folder)
    assert (
        "map-alpha-2-beta-1.yaml: mappings[2].source: no requirement urn:resguardo:alpha:2:1.2 "
        "in library urn:resguardo:alpha:2"
    ) in str(error.value)
    assert _counts() == before
    assert not Library.objects.filter(urn="urn:resguardo:alpha:2").exists()
    assert selectors.library_active("alpha").urn == "urn:resguardo:alpha:1"


def test_mapping_file_can_target_an_already_loaded_library(mini_catalog, tmp_path):
    folder = fixture_dir(tmp_path, "alpha-2.yaml", folder="v2")
    mapping = (FIXTURES / "map-alpha-1-beta-1.yaml").read_text(encoding="utf-8")
    mapping = (
        mapping.replace("alpha-1:beta-1", "alpha-2:beta-1")
        .replace("urn:resguardo:alpha:1", "urn:resguardo:alpha:2")
        .replace("alpha:2:1.2", "alpha:2:1.3")
    )
    write_yaml(folder / "map-alpha-2-beta-1.yaml", mapping)
    libraries_load(directory=folder)  # beta 1 is not in the folder: found in the database
    assert MappingSet.objects.count() == 2


def test_load_command_reports_and_loads_nothing_on_error(db, tmp_path, capsys):
    folder = fixture_dir(tmp_path, *MINI)
    path = folder / "beta-1.yaml"
    write_yaml(path, path.read_text(encoding="utf-8").replace('en: "Lighting"', 'en: " "'))
    with pytest.raises(CommandError) as error:
        call_command("standards", "load", "--path", str(folder))
    assert "nothing was loaded" in str(error.value)
    assert "beta-1.yaml: nodes[9].title.en: missing translation (empty)" in capsys.readouterr().err
    assert _counts() == (0, 0, 0, 0, 0)


def test_load_command_output(db, tmp_path, capsys):
    folder = fixture_dir(tmp_path, *MINI)
    call_command("standards", "load", "--path", str(folder))
    assert "4 loaded, 0 unchanged" in capsys.readouterr().out
    call_command("standards", "load", "--path", str(folder))
    assert "0 loaded, 4 unchanged" in capsys.readouterr().out


def test_empty_folder_is_an_error(db, tmp_path):
    with pytest.raises(LibraryLoadError, match="no library files"):
        libraries_load(directory=tmp_path)
