"""Export a library as an OSCAL 1.0.6 catalog (JSON).

Non-assessable nodes (standards, categories, clauses) become groups; assessable requirements
become controls. Each node carries a `statement` part (the requirement text), a `guidance` part
(the explanatory notes) and an `evidence` part (typical evidence, one item each), and props for
its reference id (`label`), level, weight, applicability flags, indicators and `verified` flag.
The source citation goes to back-matter. Texts are in one language (`language`, "es" or "en").
"""

import re
import uuid

from .i18n import pick_text
from .models import Library, RequirementNode
from .selectors import node_tree

OSCAL_VERSION = "1.0.6"
NS = "urn:resguardo:ns:oscal"  # namespace of Resguardo's own props and parts
_UUID_NAMESPACE = uuid.UUID("5b1a3f1e-8c4e-5d62-9a57-2f3c1f6f8a10")


def _text(node_or_library, name: str, language: str) -> str:
    return (getattr(node_or_library, f"{name}_{language}") or "").strip()


def _in(text: dict, language: str) -> str:
    return (text.get(language) or pick_text(text)).strip()


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_UUID_NAMESPACE, "|".join(parts)))


class _Ids:
    """OSCAL ids are XML NCNames: a letter or underscore, then letters, digits, . - _"""

    def __init__(self, prefix: str):
        self.prefix = re.sub(r"[^A-Za-z0-9._-]", "-", prefix)
        if not re.match(r"[A-Za-z_]", self.prefix):
            self.prefix = f"_{self.prefix}"
        self.used: set[str] = set()

    def make(self, ref_id: str) -> str:
        base = f"{self.prefix}-{re.sub(r'[^A-Za-z0-9._-]', '-', ref_id)}"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _prop(name: str, value, *, ns: str | None = NS) -> dict:
    prop = {"name": name, "value": str(value).strip()}
    if ns:
        prop["ns"] = ns
    return prop


def _node_props(node: RequirementNode) -> list[dict]:
    props = [_prop("label", node.ref_id, ns=None), _prop("urn", node.urn)]
    if node.level:
        props.append(_prop("level", node.level))
    if node.assessable:
        props.append(_prop("weight", node.weight))
    props.append(_prop("verified", "true" if node.verified else "false"))
    if node.resguardo_numbering:
        props.append(_prop("numbering", "resguardo"))
    props.extend(_prop("applies-if", flag) for flag in node.applies_if)
    props.extend(_prop("indicator", key) for key in node.indicators)
    return props


def _node_parts(node: RequirementNode, element_id: str, language: str) -> list[dict]:
    parts = []
    statement = _text(node, "description", language)
    if statement:
        parts.append({"id": f"{element_id}_smt", "name": "statement", "prose": statement})
    notes = [_in(note, language) for note in node.notes]
    if notes:
        parts.append({"id": f"{element_id}_gdn", "name": "guidance", "prose": "\n\n".join(notes)})
    evidence = [_in(item, language) for item in node.evidence]
    if evidence:
        parts.append(
            {
                "id": f"{element_id}_evd",
                "name": "evidence",
                "ns": NS,
                "parts": [
                    {"id": f"{element_id}_evd.{i}", "name": "item", "prose": text}
                    for i, text in enumerate(evidence, start=1)
                ],
            }
        )
    return parts


def _element(node: RequirementNode, ids: _Ids, language: str) -> tuple[str, dict]:
    """("groups" or "controls", the OSCAL object) for a node and its subtree."""
    is_control = node.assessable
    element = {
        "id": ids.make(node.ref_id),
        "class": "requirement" if is_control else "group",
        "title": _text(node, "title", language),
        "props": _node_props(node),
    }
    parts = _node_parts(node, element["id"], language)
    if parts:
        element["parts"] = parts
    children: dict[str, list] = {}
    for child in node.subnodes:
        kind, child_element = _element(child, ids, language)
        if is_control:  # a control can only contain controls
            kind = "controls"
            child_element.pop("groups", None)
        children.setdefault(kind, []).append(child_element)
    for kind in ("groups", "controls"):
        if children.get(kind):
            element[kind] = children[kind]
    return ("controls" if is_control else "groups"), element


def library_to_oscal(library: Library, language: str = "en") -> dict:
    """An OSCAL catalog document for `library` (a dict ready for `json.dumps`)."""
    language = "es" if language.startswith("es") else "en"
    ids = _Ids(library.framework.key)
    catalog = {
        "uuid": _uuid(library.urn, library.content_sha256, language),
        "metadata": _metadata(library, language),
    }
    for root in node_tree(library):
        kind, element = _element(root, ids, language)
        catalog.setdefault(kind, []).append(element)
    resources = _back_matter(library, language)
    if resources:
        catalog["back-matter"] = {"resources": resources}
    return {"catalog": catalog}


def _metadata(library: Library, language: str) -> dict:
    metadata = {
        "title": _text(library, "name", language),
        "last-modified": library.loaded_at.isoformat(timespec="seconds"),
        "version": library.version,
        "oscal-version": OSCAL_VERSION,
        "props": [
            _prop("urn", library.urn),
            _prop("framework", library.framework.key),
            _prop("language", language),
            _prop("content-sha256", library.content_sha256),
        ],
    }
    if library.effective_date:
        metadata["published"] = f"{library.effective_date.isoformat()}T00:00:00Z"
    remarks = _text(library, "description", language)
    if remarks:
        metadata["remarks"] = remarks
    publisher = _text(library, "publisher", language)
    if publisher:
        metadata["roles"] = [{"id": "publisher", "title": "Publisher"}]
        party_uuid = _uuid(library.urn, "publisher")
        metadata["parties"] = [{"uuid": party_uuid, "type": "organization", "name": publisher}]
        metadata["responsible-parties"] = [{"role-id": "publisher", "party-uuids": [party_uuid]}]
    return metadata


def _back_matter(library: Library, language: str) -> list[dict]:
    resources = []
    if library.source.strip():
        resources.append(
            {
                "uuid": _uuid(library.urn, "source"),
                "title": "Source",
                "citation": {"text": library.source.strip()},
            }
        )
    for flag in library.applicability_flags:
        resources.append(
            {
                "uuid": _uuid(library.urn, "flag", flag["key"]),
                "title": _in(flag["label"], language),
                "description": _in(flag.get("description") or flag["label"], language),
                "props": [_prop("applicability-flag", flag["key"])],
            }
        )
    return resources
