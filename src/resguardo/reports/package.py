"""The evidence package: a ZIP of every evidence file of an assessment, streamed.

Contents: `evidence/…` (the current revision of every evidence item linked to the
assessment that the person may see; identical files, by SHA-256, stored once), the PDF report,
`manifest.csv` and `manifest.json` (path, original name, size, SHA-256, classification, the
requirements each item supports, and whether the bytes read still match the SHA-256 taken at
upload).

Nothing is held whole in memory: `zipfile` writes into a sink that the generator empties
after every chunk read from storage, so memory stays flat whatever the package size. The
stream is not seekable, so each entry carries a data descriptor; ZIP64 records are written
where a file or the archive passes 4 GB. Already-compressed formats (PDF, images, Office
files) are stored as they are; text is deflated.
"""

import csv
import datetime
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from django.utils import timezone

from resguardo.compliance import selectors

from .choices import report_language
from .pdf import pdf_filename, render_assessment_pdf

CHUNK_SIZE = 1024 * 1024
PACKAGE_FORMAT = "resguardo.evidence-package/1"
DEFLATED_TYPES = frozenset({"text", "csv"})
MANIFEST_FIELDS = [
    "path",
    "original_name",
    "size",
    "sha256",
    "classification",
    "evidence_id",
    "evidence_title",
    "revision",
    "requirements",
    "sha256_verified",
]


class _Sink(io.RawIOBase):
    """A write-only, non-seekable stream that hands over what was written since last time."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


@dataclass
class PackageFile:
    """One evidence item's current file and where it goes in the ZIP."""

    revision: object  # compliance EvidenceRevision (with .evidence)
    path: str
    requirements: list[str]
    first_copy: bool  # False when an identical file (same SHA-256) is already in the ZIP
    verified: bool | None = None


@dataclass
class Package:
    assessment: object
    organization: object
    language: str
    files: list[PackageFile] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    report_data: object = None
    generated_at: object = None


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder in the ZIP (no separators or controls)."""
    name = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]", "_", name or "").strip(" .")
    return name[:150] or "file"


def _requirements_by_evidence(data) -> dict[int, list[str]]:
    refs: dict[int, list[str]] = {}
    for section in data.sections:
        for item in section.requirements:
            for evidence in item.evidence:
                refs.setdefault(evidence.id, []).append(item.result.node.ref_id)
    return refs


def build_package(*, membership, assessment, language: str) -> Package:
    """What goes in the package (metadata only: no file is read here)."""
    data = selectors.assessment_report_data(membership=membership, assessment=assessment)
    refs = _requirements_by_evidence(data)
    package = Package(
        assessment=assessment,
        organization=membership.organization,
        language=report_language(language),
        report_data=data,
        generated_at=timezone.now(),
    )
    paths: dict[str, str] = {}  # sha256 → path of the first copy
    for revision in selectors.evidence_files(membership=membership, assessment=assessment):
        first = revision.sha256 not in paths
        if first:
            paths[revision.sha256] = (
                f"evidence/{revision.evidence_id:05d}-r{revision.number}-"
                f"{safe_name(revision.original_name)}"
            )
        package.files.append(
            PackageFile(revision, paths[revision.sha256], refs.get(revision.evidence_id, []), first)
        )
    seen_links = set()
    for section in data.sections:
        for item in section.requirements:
            for evidence in item.evidence:
                if evidence.kind == "link" and evidence.id not in seen_links:
                    seen_links.add(evidence.id)
                    package.links.append(
                        {
                            "evidence_id": evidence.id,
                            "title": evidence.title,
                            "url": evidence.url,
                            "classification": evidence.classification,
                            "requirements": refs.get(evidence.id, []),
                        }
                    )
    return package


def _zip_time(moment) -> tuple:
    local = timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment
    return max(local, datetime.datetime(1980, 1, 1)).timetuple()[:6]


def _entry(path: str, moment, *, size: int | None, deflate: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=_zip_time(moment))
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    if size is not None:
        info.file_size = size  # lets zipfile choose ZIP64 before writing a large file
    return info


def _copy_file(archive, sink, item: PackageFile):
    """Stream one stored file into the archive, hashing it on the way."""
    revision = item.revision
    digest = hashlib.sha256()
    deflate = revision.file_type in DEFLATED_TYPES
    info = _entry(item.path, revision.created_at, size=revision.size, deflate=deflate)
    try:
        source = revision.file.storage.open(revision.file.name, "rb")
    except OSError:
        item.verified = False
        return
    with source, archive.open(info, "w") as target:
        while chunk := source.read(CHUNK_SIZE):
            digest.update(chunk)
            target.write(chunk)
            yield sink.take()
    item.verified = digest.hexdigest() == revision.sha256
    yield sink.take()


def _manifest_rows(package: Package) -> list[dict]:
    return [
        {
            "path": item.path,
            "original_name": item.revision.original_name,
            "size": item.revision.size,
            "sha256": item.revision.sha256,
            "classification": item.revision.evidence.classification,
            "evidence_id": item.revision.evidence_id,
            "evidence_title": item.revision.evidence.title,
            "revision": item.revision.number,
            "requirements": item.requirements,
            "sha256_verified": item.verified,
        }
        for item in package.files
    ]


def _cell(value):
    """Text a spreadsheet would read as a formula gets a leading apostrophe (the exact
    values are in manifest.json)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _manifest_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        cells = {key: _cell(value) for key, value in row.items()}
        writer.writerow({**cells, "requirements": "; ".join(row["requirements"])})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _manifest_json(package: Package, rows: list[dict], report: dict) -> bytes:
    assessment = package.assessment
    document = {
        "format": PACKAGE_FORMAT,
        "generated_at": package.generated_at.isoformat(timespec="seconds"),
        "organization": {
            "legal_name": package.organization.legal_name,
            "rfc": package.organization.rfc,
        },
        "assessment": {
            "id": assessment.pk,
            "name": assessment.name,
            "framework": assessment.library.urn,
            "status": assessment.status,
            "snapshot_sha256": assessment.snapshot_sha256 or None,
        },
        "report": report,
        "files": rows,
        "links": package.links,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _write_bytes(archive, sink, path: str, body: bytes, moment, *, deflate: bool):
    with archive.open(_entry(path, moment, size=len(body), deflate=deflate), "w") as target:
        target.write(body)
    yield sink.take()


def stream_package(package: Package, *, membership):
    """The ZIP, as a generator of byte chunks (for StreamingHttpResponse)."""
    sink = _Sink()
    moment = package.generated_at
    with zipfile.ZipFile(sink, "w", allowZip64=True) as archive:
        for item in package.files:
            if item.first_copy:
                yield from _copy_file(archive, sink, item)
        first = {i.path: i.verified for i in package.files if i.first_copy}
        for item in package.files:
            if not item.first_copy:
                item.verified = first.get(item.path)
        pdf = render_assessment_pdf(
            membership=membership,
            assessment=package.assessment,
            language=package.language,
            data=package.report_data,
        )
        report_path = pdf_filename(package.assessment, package.language)
        yield from _write_bytes(archive, sink, report_path, pdf, moment, deflate=False)
        report = {"path": report_path, "size": len(pdf), "sha256": hashlib.sha256(pdf).hexdigest()}
        del pdf
        rows = _manifest_rows(package)
        yield from _write_bytes(
            archive, sink, "manifest.csv", _manifest_csv(rows), moment, deflate=True
        )
        yield from _write_bytes(
            archive,
            sink,
            "manifest.json",
            _manifest_json(package, rows, report),
            moment,
            deflate=True,
        )
    yield sink.take()


def package_filename(assessment) -> str:
    return f"evidence-package-{assessment.pk}-{timezone.localdate():%Y%m%d}.zip"
