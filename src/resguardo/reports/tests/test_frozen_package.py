"""Reports of a frozen assessment show the evidence revisions its approver signed."""

import hashlib
import json

from resguardo.compliance import selectors, services
from resguardo.compliance.tests.factories import text_upload

from .helpers import freeze
from .test_package import package_zip


def _signed_hashes(frozen) -> dict[int, str]:
    return {
        item["id"]: item["sha256"]
        for result in frozen.snapshot.content["results"]
        for item in result["evidence"]
        if item["sha256"]
    }


def test_evidence_revised_after_the_sign_off_does_not_replace_the_signed_file(world, demo):
    assessment, evidence = demo
    frozen = freeze(world, assessment)
    signed = _signed_hashes(frozen)
    log = evidence["log"]
    original = log.current_revision
    services.evidence_revise(  # next month's log, filed after the sign-off
        actor=world.actor(world.carla),
        evidence=log,
        file=text_upload("bitacora.csv", "fecha,sello\n2027-01-05,MX555\n"),
    )
    log.refresh_from_db()
    assert log.current_revision.sha256 != signed[log.pk]

    archive = package_zip(world, frozen, world.carla)
    manifest = json.loads(archive.read("manifest.json"))
    row = next(r for r in manifest["files"] if r["evidence_id"] == log.pk)
    assert row["sha256"] == signed[log.pk] == original.sha256
    assert hashlib.sha256(archive.read(row["path"])).hexdigest() == signed[log.pk]
    assert {r["evidence_id"]: r["sha256"] for r in manifest["files"]} == signed

    data = selectors.assessment_report_data(
        membership=world.membership(world.carla), assessment=frozen
    )
    shown = {
        item.id: item.sha256
        for section in data.sections
        for requirement in section.requirements
        for item in requirement.evidence
        if item.sha256
    }
    assert shown == signed


def test_an_assessment_in_progress_shows_the_current_revision(world, demo):
    assessment, evidence = demo
    log = evidence["log"]
    services.evidence_revise(
        actor=world.actor(world.carla),
        evidence=log,
        file=text_upload("bitacora.csv", "fecha,sello\n2027-01-05,MX555\n"),
    )
    log.refresh_from_db()
    manifest = json.loads(package_zip(world, assessment, world.carla).read("manifest.json"))
    row = next(r for r in manifest["files"] if r["evidence_id"] == log.pk)
    assert row["sha256"] == log.current_revision.sha256
