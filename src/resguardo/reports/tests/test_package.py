import csv
import hashlib
import io
import json
import zipfile

from resguardo.reports.package import build_package, safe_name, stream_package


def package_zip(world, assessment, user) -> zipfile.ZipFile:
    membership = world.membership(user)
    package = build_package(membership=membership, assessment=assessment, language="es")
    body = b"".join(stream_package(package, membership=membership))
    return zipfile.ZipFile(io.BytesIO(body))


def test_the_package_holds_every_file_once_a_manifest_with_hashes_and_the_pdf(world, demo):
    assessment, evidence = demo
    archive = package_zip(world, assessment, world.carla)
    assert archive.testzip() is None
    names = archive.namelist()
    assert "manifest.csv" in names and "manifest.json" in names
    assert f"autoevaluacion-{assessment.pk}-es.pdf" in names
    assert archive.read(f"autoevaluacion-{assessment.pk}-es.pdf").startswith(b"%PDF-")
    manifest = json.loads(archive.read("manifest.json"))
    rows = {row["evidence_id"]: row for row in manifest["files"]}
    assert set(rows) == {evidence[k].pk for k in ("matrix", "secret", "log", "copy")}
    for row in rows.values():
        body = archive.read(row["path"])
        assert hashlib.sha256(body).hexdigest() == row["sha256"]
        assert len(body) == row["size"]
        assert row["sha256_verified"] is True
    # The signed copy has the same bytes as the matrix: one file in the ZIP, two manifest rows.
    matrix, copy = rows[evidence["matrix"].pk], rows[evidence["copy"].pk]
    assert matrix["path"] == copy["path"]
    assert len([n for n in names if n.startswith("evidence/")]) == 3
    assert sorted(matrix["requirements"]) == ["1.1", "1.3"]
    assert manifest["links"][0]["url"] == "https://intranet.example.mx/politica"
    assert (
        manifest["report"]["sha256"]
        == hashlib.sha256(archive.read(manifest["report"]["path"])).hexdigest()
    )
    table = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode("utf-8-sig"))))
    assert {row["sha256"] for row in table} == {row["sha256"] for row in rows.values()}
    assert {row["classification"] for row in table} == {"internal", "confidential"}


def test_confidential_files_only_for_roles_allowed_to_see_them(world, demo):
    assessment, evidence = demo
    secret = evidence["secret"].current_revision
    for user, shown in [(world.audrey, True), (world.alice, True), (world.sam, False)]:
        archive = package_zip(world, assessment, user)
        manifest = json.loads(archive.read("manifest.json"))
        paths = [row["path"] for row in manifest["files"]]
        assert any(secret.original_name in p for p in paths) is shown, user
        assert (secret.sha256 in archive.read("manifest.csv").decode()) is shown, user


def test_a_file_whose_bytes_changed_in_storage_is_flagged(world, demo):
    assessment, evidence = demo
    revision = evidence["log"].current_revision
    storage = revision.file.storage
    storage.delete(revision.file.name)
    storage.save(revision.file.name, io.BytesIO(b"fecha,sello\n2026-01-02,MX999\n"))
    manifest = json.loads(package_zip(world, assessment, world.carla).read("manifest.json"))
    row = next(r for r in manifest["files"] if r["evidence_id"] == evidence["log"].pk)
    assert row["sha256_verified"] is False


def test_file_names_cannot_escape_their_folder():
    assert safe_name("../../etc/passwd") == "_.._etc_passwd"
    assert "/" not in safe_name("a/b\\c") and safe_name("") == "file"


def test_the_download_is_streamed(world, demo, client_for):
    assessment, _evidence = demo
    response = client_for(world.audrey).get(
        f"/reports/assessments/{assessment.pk}/evidence-package.zip?lang=en"
    )
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert f"self-assessment-{assessment.pk}-en.pdf" in archive.namelist()
