import json
from urllib.parse import urlsplit

from resguardo.compliance.choices import Result
from resguardo.compliance.models import RequirementResult
from resguardo.reports.oscal import assessment_results
from resguardo.standards.oscal import library_to_oscal

from .helpers import freeze
from .oscal.validator import oscal_errors


def export(world, assessment, user=None, language="en"):
    return assessment_results(
        membership=world.membership(user or world.carla), assessment=assessment, language=language
    )


def controls_of(node):
    for control in node.get("controls", []):
        yield control["id"]
        yield from controls_of(control)
    for group in node.get("groups", []):
        yield from controls_of(group)


def test_the_export_of_a_full_assessment_validates_against_nist_schema(world, demo):
    assessment, _evidence = demo
    for language in ("en", "es"):
        document = export(world, assessment, language=language)
        assert oscal_errors(document) == [], language
    frozen = freeze(world, assessment)
    document = export(world, frozen, user=world.audrey)
    assert oscal_errors(document) == []
    [result] = document["assessment-results"]["results"]
    assert result["end"].endswith("Z")
    assert frozen.snapshot_sha256 in json.dumps(result["attestations"])


def test_the_validator_really_rejects_a_broken_document(world, demo):
    assessment, _evidence = demo
    document = export(world, assessment)
    document["assessment-results"]["results"][0]["findings"][0]["target"]["target-id"] = "1 bad"
    del document["assessment-results"]["import-ap"]
    errors = oscal_errors(document)
    assert any("import-ap" in e for e in errors)
    assert any("target-id" in e for e in errors)


def test_one_finding_per_requirement_targeting_the_catalog_controls(world, demo):
    assessment, _evidence = demo
    document = export(world, assessment)
    [result] = document["assessment-results"]["results"]
    catalog_ids = set(controls_of(library_to_oscal(assessment.library, "en")["catalog"]))
    findings = result["findings"]
    assert len(findings) == assessment.results.count()
    assert {f["target"]["target-id"] for f in findings} <= catalog_ids
    states = {}
    for finding in findings:
        value = next(p["value"] for p in finding["props"] if p["name"] == "result")
        states.setdefault(value, set()).add(finding["target"]["status"]["state"])
    assert states[Result.COMPLIANT] == {"satisfied"}
    assert states[Result.NON_COMPLIANT] == {"not-satisfied"}
    assert states[Result.PARTIAL] == {"not-satisfied"}
    selection = result["reviewed-controls"]["control-selections"][0]
    not_applicable = RequirementResult.objects.get(
        assessment=assessment, result=Result.NOT_APPLICABLE
    )
    assert selection["exclude-controls"] == [
        {"control-id": f"neec-aa-{not_applicable.node.ref_id}"}
    ]
    assert document["assessment-results"]["import-ap"]["href"].startswith("#")


def test_observations_link_evidence_with_its_sha256(world, demo):
    assessment, evidence = demo
    document = export(world, assessment)
    ar = document["assessment-results"]
    resources = {r["uuid"]: r for r in ar["back-matter"]["resources"]}
    matrix = evidence["matrix"].current_revision
    observation = next(o for o in ar["results"][0]["observations"] if o["title"].startswith("1.1 "))
    hrefs = [e["href"] for e in observation["relevant-evidence"]]
    linked = [resources[href[1:]] for href in hrefs]
    hashes = [h for r in linked for link in r.get("rlinks", []) for h in link.get("hashes", [])]
    assert {"algorithm": "SHA-256", "value": matrix.sha256} in hashes
    assert ar["import-ap"]["href"][1:] in resources
    for resource in resources.values():
        for link in resource.get("rlinks", []):
            parts = urlsplit(link["href"])
            assert parts.scheme in ("", "https") and (parts.path or parts.netloc)


def test_the_export_is_stable_and_its_uuids_deterministic(world, demo):
    assessment, _evidence = demo
    first = export(world, assessment)
    second = export(world, assessment)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    uuids = [first["assessment-results"]["uuid"]]
    uuids += [f["uuid"] for f in first["assessment-results"]["results"][0]["findings"]]
    assert len(uuids) == len(set(uuids))


def test_confidential_evidence_is_absent_for_staff(world, demo):
    assessment, evidence = demo
    secret = evidence["secret"].current_revision.sha256
    assert secret in json.dumps(export(world, assessment, user=world.audrey))
    assert secret not in json.dumps(export(world, assessment, user=world.sofia))
