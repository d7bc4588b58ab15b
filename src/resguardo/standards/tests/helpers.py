"""Test helpers: fixture folders and generated libraries of any size (also used by bench/)."""

import shutil
from pathlib import Path

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = ("alpha-1.yaml", "beta-1.yaml", "map-alpha-1-beta-1.yaml", "checks-1.yaml")


def fixture_dir(tmp_path: Path, *names: str, folder: str = "libs") -> Path:
    """A folder holding copies of these fixture files."""
    target = tmp_path / folder
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, target / name)
    return target


def write_yaml(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _text(label: str) -> dict:
    return {"es": f"{label} (es) análisis", "en": f"{label} (en) analysis"}


def generated_framework(key: str, version: str, node_count: int, per_group: int = 10) -> dict:
    """A framework with `node_count` nodes: groups of `per_group` requirements each."""
    urn = f"urn:resguardo:{key}:{version}"
    nodes, group = [], None
    for i in range(node_count):
        if group is None or len(nodes) - group["index"] > per_group:
            group = {"index": len(nodes), "ref": f"G{len(nodes)}"}
            nodes.append(
                {
                    "urn": f"{urn}:{group['ref']}",
                    "ref_id": group["ref"],
                    "title": _text(f"Group {group['ref']}"),
                    "verified": True,
                }
            )
            continue
        ref = f"{group['ref']}.{i}"
        nodes.append(
            {
                "urn": f"{urn}:{ref}",
                "parent": f"{urn}:{group['ref']}",
                "ref_id": ref,
                "title": _text(f"Requirement {ref}"),
                "description": _text(f"What {ref} asks"),
                "notes": [_text(f"Note on {ref}")],
                "evidence": [_text(f"Evidence for {ref}")],
                "level": "must" if i % 2 else "should",
                "weight": 1,
                "verified": i % 7 != 0,
            }
        )
    return {
        "kind": "framework",
        "urn": urn,
        "framework": key,
        "version": version,
        "name": _text(f"Framework {key}"),
        "source": "Generated for tests and benchmarks",
        "nodes": nodes,
    }


def generated_mapping_set(source: dict, target: dict, count: int) -> dict:
    """`count` mappings between assessable requirements of two generated frameworks."""
    leaves = lambda f: [n["urn"] for n in f["nodes"] if "parent" in n]  # noqa: E731
    sources, targets = leaves(source), leaves(target)
    relationships = ["equal", "superset", "subset", "intersect"]
    mappings = [
        {
            "source": sources[i % len(sources)],
            "target": targets[(i * 7) % len(targets)],
            "relationship": relationships[i % 4],
            "strength": 1 + i % 5,
            "rationale": _text(f"Reason {i}"),
        }
        for i in range(count)
    ]
    unique = list({(m["source"], m["target"]): m for m in mappings}.values())
    return {
        "kind": "mapping_set",
        "urn": f"urn:resguardo:map:{source['framework']}-{source['version']}:"
        f"{target['framework']}-{target['version']}",
        "name": _text("Generated crosswalk"),
        "source_library": source["urn"],
        "target_library": target["urn"],
        "mappings": unique,
    }


def dump(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
