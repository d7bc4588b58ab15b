"""Validate library files and report every problem with the file and the place inside it.

`validate_files(paths)` reads each file, checks YAML syntax (with the line), the schema of its
kind (`schema.py`), and then the rules that need the whole file or the other files of the batch:
duplicate URNs and reference ids, parents that are missing or come after their child,
`applies_if` naming a flag the library does not declare, mappings whose source or target is not
an assessable requirement of the named library, duplicate checklist keys and point codes.

Mapping files are checked against the framework files of the batch, then against context files
(for `standards validate FILE`, the other files of the same folder) and the libraries already
in the database.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
import yaml_rs
from pydantic import BaseModel, ValidationError

from .schema import FILE_MODELS


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self):
        where = f"{self.file}: {self.path}" if self.path else self.file
        line = f" (line {self.line})" if self.line else ""
        return f"{where}: {self.message}{line}"


@dataclass
class ParsedFile:
    path: Path
    text: str = ""
    data: object = None
    model: BaseModel | None = None
    sha256: str = ""
    problems: list[Problem] = field(default_factory=list)
    _tree: object = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def kind(self) -> str | None:
        return self.data.get("kind") if isinstance(self.data, dict) else None

    @property
    def urn(self) -> str | None:
        return self.data.get("urn") if isinstance(self.data, dict) else None

    def problem(self, path: str, message: str, loc: tuple = ()) -> None:
        self.problems.append(Problem(self.name, path, message, self.line_of(loc)))

    def line_of(self, loc: tuple) -> int | None:
        """The 1-based line of the YAML node at `loc` (or of its nearest existing parent)."""
        if not loc and not self.text:
            return None
        if self._tree is None:
            try:
                self._tree = yaml.compose(self.text, Loader=_SafeLoader)
            except yaml.YAMLError:
                return None
        node = self._tree
        for step in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                child = node.value[step] if 0 <= step < len(node.value) else None
            if child is None:
                break
            node = child
        return node.start_mark.line + 1 if node is not None else None


@dataclass
class ValidationReport:
    files: list[ParsedFile]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def format_loc(loc: tuple) -> str:
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text


# libyaml's parser when PyYAML was built with it (ten times faster on large libraries)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """YAML loader that refuses a key written twice in one mapping (YAML keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class YamlProblem(ValueError):
    def __init__(self, message: str, where: str = ""):
        super().__init__(message)
        self.where = where


def load_yaml(text: str):
    """Parse library YAML, refusing keys written twice; raise `YamlProblem` with the place.

    yaml-rs (Rust, YAML 1.2) reads a 1,209-requirement library ten times faster than PyYAML's
    libyaml loader. When it refuses a file, PyYAML reads it again only to name the line and
    column of the problem in the words the library authors know. The shipped libraries give the
    same data under both (a test checks it).
    """
    try:
        return yaml_rs.loads(text, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except yaml_rs.YAMLDecodeError as fast_error:
        try:
            yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (safe loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            reason = getattr(error, "problem", None) or str(error)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise YamlProblem(reason, where) from error
        first_line = str(fast_error).splitlines()[0]
        found = re.search(r"at line (\d+), column (\d+)", first_line)
        where = f"line {found[1]}, column {found[2]}" if found else ""
        reason = str(fast_error).splitlines()[-1].strip() if found else first_line
        raise YamlProblem(reason, where) from fast_error


# Node keys added to the format after libraries were loaded: left at their default they are
# left out of the hash, so a file loaded before the key existed keeps its hash (and is not
# refused as "changed" on the next load).
_LATER_NODE_DEFAULTS = {"resguardo_numbering": False}


def content_sha256(model: BaseModel) -> str:
    """Hash of the parsed content, so comments and layout do not count as a change."""
    data = model.model_dump(mode="json")
    for node in data.get("nodes") or ():
        for key, default in _LATER_NODE_DEFAULTS.items():
            if node.get(key) == default:
                node.pop(key, None)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_file(path: Path) -> ParsedFile:
    parsed = ParsedFile(path=Path(path))
    try:
        parsed.text = parsed.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        parsed.problem("", f"cannot read the file ({error})")
        return parsed
    try:
        parsed.data = load_yaml(parsed.text)
    except YamlProblem as error:
        parsed.problems.append(Problem(parsed.name, error.where, f"YAML syntax error: {error}"))
        return parsed
    if not isinstance(parsed.data, dict):
        parsed.problem("", "must be a YAML mapping with a `kind` key")
        return parsed
    model_class = FILE_MODELS.get(parsed.kind)
    if model_class is None:
        kinds = ", ".join(FILE_MODELS)
        parsed.problem("kind", f"must be one of: {kinds} (found {parsed.kind!r})", ("kind",))
        return parsed
    try:
        parsed.model = model_class.model_validate(parsed.data)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            loc = tuple(s for s in item["loc"] if not _is_union_tag(s))
            parsed.problem(format_loc(loc), _message(item), loc)
        return parsed
    parsed.sha256 = content_sha256(parsed.model)
    return parsed


def _is_union_tag(step) -> bool:
    # pydantic adds the member type to the location of errors inside `X | None` fields
    return isinstance(step, str) and (step[:1].isupper() or "[" in step)


def _message(item: dict) -> str:
    if item["type"] == "missing":
        return "missing"
    if item["type"] == "extra_forbidden":
        return "unknown key (check the spelling; see docs/library-format.md)"
    message = item["msg"]
    return message.removeprefix("Value error, ")


# -- checks that need the whole file or the batch ---------------------------------------------


@dataclass
class KnownLibrary:
    """What mapping checks need of a library: its nodes and whether each is assessable."""

    urn: str
    assessable: dict[str, bool]


# These checks read the raw YAML data, defensively, so they still run (and report) when the
# schema check of the same file failed: one run shows every problem.


def _items(data: dict, key: str) -> list[tuple[int, dict]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _str(value) -> str | None:
    return value if isinstance(value, str) else None


def _report(parsed: ParsedFile, loc: tuple, message: str) -> None:
    parsed.problem(format_loc(loc), message, loc)


def check_framework(parsed: ParsedFile) -> KnownLibrary | None:
    data = parsed.data
    urn, key, version = _str(data.get("urn")), data.get("framework"), data.get("version")
    if urn and isinstance(key, str) and isinstance(version, str):
        expected = f"urn:resguardo:{key}:{version}"
        if urn != expected:
            _report(parsed, ("urn",), f"must be {expected} (urn:resguardo:<framework>:<version>)")
    flag_keys: set[str] = set()
    for i, flag in _items(data, "applicability_flags"):
        flag_key = _str(flag.get("key"))
        if flag_key in flag_keys:
            _report(parsed, ("applicability_flags", i, "key"), f"duplicate flag {flag_key!r}")
        if flag_key:
            flag_keys.add(flag_key)
    nodes = _items(data, "nodes")
    position = _check_node_identity(parsed, urn, nodes)
    has_children = _check_parents(parsed, nodes, position)
    _check_flags(parsed, nodes, flag_keys)
    _check_verified_under_unverified(parsed, nodes, position)
    if not urn:
        return None
    assessable = {}
    for _i, node in nodes:
        node_urn = _str(node.get("urn"))
        if node_urn:
            explicit = node.get("assessable")
            assessable[node_urn] = (
                explicit if isinstance(explicit, bool) else node_urn not in has_children
            )
    return KnownLibrary(urn=urn, assessable=assessable)


def _check_node_identity(parsed, library_urn, nodes) -> dict[str, int]:
    position: dict[str, int] = {}
    ref_ids: dict[str, int] = {}
    for i, node in nodes:
        urn, ref_id = _str(node.get("urn")), _str(node.get("ref_id"))
        if urn in position:
            _report(
                parsed, ("nodes", i, "urn"), f"duplicate URN {urn} (also nodes[{position[urn]}])"
            )
        elif urn:
            position[urn] = i
        if urn and library_urn and not urn.startswith(library_urn + ":"):
            _report(parsed, ("nodes", i, "urn"), f"must start with the library URN {library_urn}:")
        if ref_id in ref_ids:
            _report(
                parsed,
                ("nodes", i, "ref_id"),
                f"duplicate ref_id {ref_id!r} (also nodes[{ref_ids[ref_id]}])",
            )
        elif ref_id:
            ref_ids[ref_id] = i
    return position


def _check_parents(parsed, nodes, position) -> set[str]:
    has_children = set()
    for i, node in nodes:
        parent = _str(node.get("parent"))
        if parent is None:
            continue
        loc = ("nodes", i, "parent")
        if parent == node.get("urn"):
            _report(parsed, loc, "a node cannot be its own parent")
        elif parent not in position:
            _report(parsed, loc, f"no node {parent} in this file")
        elif position[parent] > i:
            _report(
                parsed,
                loc,
                f"parent {parent} comes after this node (nodes[{position[parent]}]); "
                f"parents must come first",
            )
        has_children.add(parent)
    return has_children


def _check_verified_under_unverified(parsed, nodes, position) -> None:
    """A node cannot be verified when its parent is not: if the group itself is unconfirmed,
    nothing filed under it is confirmed either. (An unverified child under a verified parent
    is fine: the group is confirmed, one of its items is not.)"""
    verified = {_str(node.get("urn")): node.get("verified") is True for _i, node in nodes}
    for i, node in nodes:
        parent = _str(node.get("parent"))
        if node.get("verified") is True and parent in position and not verified.get(parent):
            _report(
                parsed,
                ("nodes", i, "verified"),
                f"verified under an unverified parent {parent}: verify the parent too, or mark "
                f"this node `verified: false`",
            )


def _check_flags(parsed, nodes, flag_keys) -> None:
    declared = ", ".join(sorted(flag_keys)) or "none"
    for i, node in nodes:
        flags = node.get("applies_if")
        if not isinstance(flags, list):
            continue
        for j, flag in enumerate(flags):
            if isinstance(flag, str) and flag not in flag_keys:
                _report(
                    parsed,
                    ("nodes", i, "applies_if", j),
                    f"flag {flag!r} is not declared in applicability_flags (declared: {declared})",
                )


def check_mapping_set(parsed: ParsedFile, libraries: dict[str, KnownLibrary]) -> None:
    data = parsed.data
    sides = {"source": _str(data.get("source_library")), "target": _str(data.get("target_library"))}
    if sides["source"] and sides["source"] == sides["target"]:
        _report(parsed, ("target_library",), "must differ from source_library")
        return
    ends = {}
    for side, urn in sides.items():
        ends[side] = libraries.get(urn) if urn else None
        if urn and ends[side] is None:
            _report(
                parsed,
                (f"{side}_library",),
                f"unknown library {urn}: no framework file in this batch or folder has this URN "
                f"and it is not loaded",
            )
    pairs: dict[tuple, int] = {}
    for i, entry in _items(data, "mappings"):
        pair = (entry.get("source"), entry.get("target"))
        if pair in pairs:
            _report(parsed, ("mappings", i), f"duplicate mapping (also mappings[{pairs[pair]}])")
        elif all(isinstance(urn, str) for urn in pair):
            pairs[pair] = i
        for side, library in ends.items():
            urn = _str(entry.get(side))
            if library is None or urn is None:
                continue
            if urn not in library.assessable:
                _report(
                    parsed, ("mappings", i, side), f"no requirement {urn} in library {library.urn}"
                )
            elif not library.assessable[urn]:
                _report(
                    parsed,
                    ("mappings", i, side),
                    f"{urn} is a group, not an assessable requirement; map its requirements",
                )


def check_checklist_set(parsed: ParsedFile) -> None:
    keys: dict[str, int] = {}
    for i, checklist in _items(parsed.data, "checklists"):
        key = _str(checklist.get("key"))
        if key in keys:
            _report(
                parsed,
                ("checklists", i, "key"),
                f"duplicate checklist key {key!r} (also checklists[{keys[key]}])",
            )
        elif key:
            keys[key] = i
        codes: dict[str, int] = {}
        for j, point in _items(checklist, "points"):
            code = _str(point.get("code"))
            if code in codes:
                _report(
                    parsed,
                    ("checklists", i, "points", j, "code"),
                    f"duplicate point code {code!r} (also points[{codes[code]}])",
                )
            elif code:
                codes[code] = j


def _check_duplicate_file_urns(files: list[ParsedFile]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for parsed in files:
        if not isinstance(parsed.urn, str) or parsed.kind not in FILE_MODELS:
            continue
        key = (parsed.kind, parsed.urn)
        if key in seen:
            _report(parsed, ("urn",), f"the same URN is already used by {seen[key]}")
        else:
            seen[key] = parsed.name


def validate_files(paths, *, context_paths=(), loaded_libraries=None) -> ValidationReport:
    """Check `paths`; `context_paths` only lend their libraries to mapping checks.

    `loaded_libraries(urns) -> dict[urn, KnownLibrary]` looks up libraries already in the
    database for mapping files whose libraries are not among the files.
    """
    files = [parse_file(Path(p)) for p in paths]
    names = {f.path.resolve() for f in files}
    context = [parse_file(Path(p)) for p in context_paths if Path(p).resolve() not in names]
    _check_duplicate_file_urns(files)

    libraries: dict[str, KnownLibrary] = {}
    for parsed in context + files:  # files win over context files with the same URN
        if parsed.kind == "framework":
            known = check_framework(parsed)
            if known is not None:
                libraries[known.urn] = known

    mapping_files = [f for f in files if f.kind == "mapping_set"]
    wanted = {
        urn
        for f in mapping_files
        for urn in (_str(f.data.get("source_library")), _str(f.data.get("target_library")))
        if urn and urn not in libraries
    }
    if wanted and loaded_libraries is not None:
        libraries.update(loaded_libraries(wanted))
    for parsed in mapping_files:
        check_mapping_set(parsed, libraries)
    for parsed in files:
        if parsed.kind == "checklist_set":
            check_checklist_set(parsed)

    problems = [problem for parsed in files for problem in parsed.problems]
    return ValidationReport(files=files, problems=problems)
