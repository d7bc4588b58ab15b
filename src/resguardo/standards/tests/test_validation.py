"""Every problem in a library file is reported with the file and the place inside it."""

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from resguardo.standards.services import library_files
from resguardo.standards.validation import load_yaml, validate_files

from .helpers import FIXTURES, fixture_dir, write_yaml


def _messages(report):
    return [str(problem) for problem in report.problems]


def _variant(tmp_path, name, old, new, count=1):
    """A copy of fixture `name` with `old` replaced by `new`, next to the other fixtures."""
    folder = fixture_dir(tmp_path, "alpha-1.yaml", "beta-1.yaml", "map-alpha-1-beta-1.yaml")
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert text.count(old) >= count, f"fixture {name} lacks {old!r}"
    return write_yaml(folder / name, text.replace(old, new, count))


def test_fixtures_are_valid():
    report = validate_files(sorted(FIXTURES.glob("*.yaml")))
    assert report.ok, _messages(report)


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = write_yaml(tmp_path / "broken.yaml", "kind: framework\nurn: [unclosed\nname: x\n")
    report = validate_files([path])
    assert len(report.problems) == 1
    message = str(report.problems[0])
    assert message.startswith("broken.yaml: line 3")
    assert "YAML syntax error" in message


def test_duplicate_yaml_key_is_an_error(tmp_path):
    path = _variant(tmp_path, "alpha-1.yaml", 'version: "1"\n', 'version: "1"\nversion: "1"\n')
    report = validate_files([path])
    assert any("duplicate key 'version'" in m for m in _messages(report))


def test_shipped_libraries_read_the_same_with_the_fast_parser_and_pyyaml():
    shipped = sorted(library_files()) + sorted(FIXTURES.glob("*.yaml"))
    assert len(shipped) > 8
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader), path.name  # noqa: S506


def test_duplicate_key_inside_a_node_names_the_line(tmp_path):
    text = "kind: framework\nnodes:\n  - urn: a\n    ref_id: x\n    ref_id: y\n"
    report = validate_files([write_yaml(tmp_path / "dup.yaml", text)])
    assert [str(p) for p in report.problems] == [
        "dup.yaml: line 5, column 5: YAML syntax error: duplicate key 'ref_id'"
    ]


def test_a_file_of_two_documents_is_refused(tmp_path):
    path = write_yaml(tmp_path / "two.yaml", "kind: framework\n---\nkind: framework\n")
    report = validate_files([path])
    assert not report.ok
    assert "must be a YAML mapping" in str(report.problems[0])


def test_missing_translation_points_at_the_node_and_language(tmp_path):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        'title: {es: "Política de seguridad", en: "Security policy"}',
        'title: {es: "Política de seguridad", en: ""}',
    )
    report = validate_files([path])
    assert _messages(report) == [
        "alpha-1.yaml: nodes[2].title.en: missing translation (empty) (line 38)"
    ]


def test_missing_key_and_unknown_key_and_every_error_reported(tmp_path):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        'title: {es: "Planeación", en: "Planning"}',
        'title: {es: "Planeación"}\n    evidense: []',
    )
    text = path.read_text(encoding="utf-8").replace("level: should", "level: maybe")
    write_yaml(path, text)
    messages = _messages(validate_files([path]))
    assert any(m.startswith("alpha-1.yaml: nodes[0].title.en: missing") for m in messages)
    assert any(m.startswith("alpha-1.yaml: nodes[0].evidense: unknown key") for m in messages)
    assert any(m.startswith("alpha-1.yaml: nodes[2].level: Input should be") for m in messages)


def test_unquoted_number_is_explained(tmp_path):
    path = _variant(tmp_path, "alpha-1.yaml", 'ref_id: "1.2"', "ref_id: 1.2")
    messages = _messages(validate_files([path]))
    assert any("nodes[2].ref_id: must be a quoted string" in m for m in messages)


def test_duplicate_urn(tmp_path):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        "- urn: urn:resguardo:alpha:1:1.2\n",
        "- urn: urn:resguardo:alpha:1:1.1\n",
    )
    messages = _messages(validate_files([path]))
    assert any(
        "nodes[2].urn: duplicate URN urn:resguardo:alpha:1:1.1 (also nodes[1])" in m
        for m in messages
    )


def test_dangling_parent(tmp_path):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        "parent: urn:resguardo:alpha:1:2\n",
        "parent: urn:resguardo:alpha:1:9\n",
    )
    messages = _messages(validate_files([path]))
    assert any(
        m.startswith("alpha-1.yaml: nodes[4].parent: no node urn:resguardo:alpha:1:9 in this file")
        for m in messages
    )


def test_parent_after_child(tmp_path):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        "parent: urn:resguardo:alpha:1:1\n",
        "parent: urn:resguardo:alpha:1:2\n",
    )
    messages = _messages(validate_files([path]))
    assert any(
        "nodes[1].parent: parent urn:resguardo:alpha:1:2 comes after this node (nodes[3])" in m
        for m in messages
    )


def test_undeclared_flag(tmp_path):
    path = _variant(tmp_path, "alpha-1.yaml", "applies_if: [yard]", "applies_if: [warehouse]")
    messages = _messages(validate_files([path]))
    assert any(
        "nodes[5].applies_if[0]: flag 'warehouse' is not declared in applicability_flags" in m
        for m in messages
    )


def test_node_urn_must_belong_to_library(tmp_path):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        "- urn: urn:resguardo:alpha:1:2\n",
        "- urn: urn:resguardo:alpha:9:2\n",
    )
    messages = _messages(validate_files([path]))
    assert any("nodes[3].urn: must start with the library URN" in m for m in messages)


def test_mapping_to_missing_node(tmp_path):
    path = _variant(
        tmp_path,
        "map-alpha-1-beta-1.yaml",
        "target: urn:resguardo:beta:1:B1.1",
        "target: urn:resguardo:beta:1:B1.9",
    )
    folder = path.parent
    report = validate_files([path], context_paths=[folder / "alpha-1.yaml", folder / "beta-1.yaml"])
    assert _messages(report) == [
        "map-alpha-1-beta-1.yaml: mappings[3].target: no requirement urn:resguardo:beta:1:B1.9 "
        "in library urn:resguardo:beta:1 (line 25)"
    ]


def test_mapping_to_a_group_is_refused(tmp_path):
    path = _variant(
        tmp_path,
        "map-alpha-1-beta-1.yaml",
        "source: urn:resguardo:alpha:1:1.2",
        "source: urn:resguardo:alpha:1:1",
    )
    folder = path.parent
    messages = _messages(
        validate_files([path], context_paths=[folder / "alpha-1.yaml", folder / "beta-1.yaml"])
    )
    assert any(
        "mappings[2].source: urn:resguardo:alpha:1:1 is a group, not an assessable requirement" in m
        for m in messages
    )


def test_mapping_to_unknown_library(tmp_path):
    path = _variant(
        tmp_path,
        "map-alpha-1-beta-1.yaml",
        "target_library: urn:resguardo:beta:1",
        "target_library: urn:resguardo:gamma:1",
    )
    messages = _messages(validate_files([path], context_paths=[path.parent / "alpha-1.yaml"]))
    assert any(
        m.startswith("map-alpha-1-beta-1.yaml: target_library: unknown library") for m in messages
    )


def test_checklist_duplicate_code(tmp_path):
    folder = fixture_dir(tmp_path, "checks-1.yaml")
    path = folder / "checks-1.yaml"
    write_yaml(path, path.read_text(encoding="utf-8").replace('code: "3"', 'code: "2"'))
    messages = _messages(validate_files([path]))
    assert messages == [
        "checks-1.yaml: checklists[0].points[2].code: duplicate point code '2' (also points[1]) "
        "(line 15)"
    ]


def test_validate_command_prints_every_error_and_exits_1(tmp_path, capsys):
    path = _variant(
        tmp_path,
        "alpha-1.yaml",
        'title: {es: "Seguridad física", en: "Physical security"}',
        'title: {es: "", en: "Physical security"}',
    )
    text = path.read_text(encoding="utf-8").replace("applies_if: [yard]", "applies_if: [dock]")
    write_yaml(path, text)
    with pytest.raises(CommandError) as error:
        call_command("standards", "validate", str(path))
    assert error.value.returncode == 1
    err = capsys.readouterr().err
    assert "alpha-1.yaml: nodes[3].title.es: missing translation (empty)" in err
    assert "alpha-1.yaml: nodes[5].applies_if[0]: flag 'dock' is not declared" in err


@pytest.mark.django_db
def test_validate_command_checks_mappings_against_sibling_files(tmp_path, capsys):
    folder = fixture_dir(tmp_path, "alpha-1.yaml", "beta-1.yaml", "map-alpha-1-beta-1.yaml")
    call_command("standards", "validate", str(folder / "map-alpha-1-beta-1.yaml"))
    assert "1 file(s) valid" in capsys.readouterr().out
