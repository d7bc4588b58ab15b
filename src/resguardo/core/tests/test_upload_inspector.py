"""The one upload inspector (resguardo.core.files): type from the content, dangerous names
refused, one size limit per kind read from its setting."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from resguardo.core.files import DOCUMENT, EVIDENCE, IMPORT, PHOTO, TRADE_DOCUMENT
from resguardo.core.files import inspect_upload as inspect

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _one_megabyte_limits(settings):
    settings.EVIDENCE_MAX_UPLOAD_MB = 1
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    settings.PHOTO_MAX_UPLOAD_MB = 1
    settings.IMPORT_MAX_UPLOAD_MB = 1


def inspect_upload(file, name, *, max_bytes, kind=EVIDENCE):
    """The evidence inspector as these tests first knew it (compliance's own, now core's)."""
    assert max_bytes == MB  # the limit now comes from the kind's setting (the fixture above)
    return inspect(file, kind=kind, name=name)


def _ooxml(part="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<doc/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.pdf", b"%PDF-1.7\n...", "pdf"),
        ("a.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "png"),
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "jpeg"),
        ("a.gif", b"GIF89a" + b"\0" * 10, "gif"),
        ("a.webp", b"RIFF\x10\0\0\0WEBPVP8 ", "webp"),
        ("a.docx", _ooxml(), "docx"),
        ("a.xlsx", _ooxml("xl/workbook.xml"), "xlsx"),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20, "ole2"),
        ("a.csv", "fecha,sello\n2026-01-02,Añejo\n".encode(), "csv"),
        ("a.txt", "Bitácora".encode("latin-1"), "text"),
    ],
)
def test_accepted_types_are_recognised_from_content(name, content, kind):
    inspected = inspect_upload(io.BytesIO(content), name, max_bytes=MB)
    assert inspected.file_type.key == kind
    assert inspected.size == len(content)
    import hashlib

    assert inspected.sha256 == hashlib.sha256(content).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ\x90\0", "dangerous"),
        ("payload.pdf.exe", b"%PDF-1.4", "dangerous"),
        ("page.html", b"<html></html>", "dangerous"),
        ("logo.svg", b"<svg/>", "dangerous"),
        ("script.js", b"alert(1)", "dangerous"),
        ("fake.pdf", b"MZ\x90\0 not a pdf", "type_mismatch"),
        ("fake.png", b"%PDF-1.4", "type_mismatch"),
        ("fake.docx", b"PK\x03\x04 broken zip", "type_mismatch"),
        ("binary.csv", b"a,b\n\x00\x01\x02", "type_mismatch"),
        ("archive.zip", b"PK\x03\x04", "unsupported"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_refused_uploads_say_why(name, content, code):
    with pytest.raises(ValidationError) as error:
        inspect_upload(io.BytesIO(content), name, max_bytes=MB)
    assert error.value.code == code
    assert error.value.messages[0]  # a sentence for the user, in their language


def test_messages_name_the_problem_in_spanish(settings):
    settings.LANGUAGE_CODE = "es-mx"  # the product's default (core's tests run in English)
    with pytest.raises(ValidationError) as error:
        inspect_upload(io.BytesIO(b"MZ"), "reporte.pdf.exe", max_bytes=MB)
    assert "podrían ejecutar código" in str(error.value)
    with pytest.raises(ValidationError) as error:
        inspect_upload(io.BytesIO(b"%PDF-1.4"), "foto.png", max_bytes=MB)
    assert "se llama .png pero su contenido es PDF" in str(error.value)


def test_size_limit_is_checked_while_streaming():
    with pytest.raises(ValidationError) as error:
        inspect_upload(io.BytesIO(b"%PDF-" + b"x" * (2 * MB)), "big.pdf", max_bytes=MB)
    assert "1 MB" in str(error.value)


# --- every kind: the same inspector, its own accepted types, limit and messages -------------


def _png(size=(8, 8)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_photo_type_comes_from_the_content_not_the_name():
    inspected = inspect(io.BytesIO(_png()), kind=PHOTO, name="IMG_0001.jpg")
    assert inspected.content_type == "image/png" and inspected.extension == "png"
    with pytest.raises(ValidationError) as error:
        inspect(io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 40), kind=PHOTO, name="cut.png")
    assert "is not a photo" in error.value.messages[0]  # starts like a PNG, does not decode


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b'\xef\xbb\xbf<?xml version="1.0"?><cfdi:Comprobante/>', "application/xml"),
        (b"<cfdi:Comprobante/>", "application/xml"),
    ],
)
def test_trade_documents_are_judged_by_content(content, content_type):
    inspected = inspect(io.BytesIO(content), kind=TRADE_DOCUMENT, name="factura")
    assert inspected.content_type == content_type


def test_a_partner_document_must_be_what_its_extension_says():
    inspected = inspect(
        io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20), kind=DOCUMENT, name="a.doc"
    )
    assert inspected.content_type == "application/msword"
    with pytest.raises(ValidationError) as error:
        inspect(io.BytesIO(_ooxml("xl/workbook.xml")), kind=DOCUMENT, name="contrato.docx")
    assert "not a valid .docx" in error.value.messages[0]


@pytest.mark.parametrize("kind", [EVIDENCE, DOCUMENT, TRADE_DOCUMENT, PHOTO, IMPORT])
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("../../etc/passwd.pdf", "bad_name"),
        ("C:\\fotos\\sello.jpg", "bad_name"),
        ("sello\x00.jpg", "bad_name"),
        ("sello\r\n.jpg", "bad_name"),
        ("foto\u202egpj.exe", "bad_name"),  # right-to-left override hides the real extension
        ("sello.jpg.exe", "dangerous"),
        ("factura.pdf.js", "dangerous"),
        ("reporte.exe.pdf", "dangerous"),
        ("macro.xlsm", "dangerous"),
        ("pagina.html", "dangerous"),
    ],
)
def test_dangerous_names_are_refused_for_every_kind_before_reading(kind, name, code):
    class Unread(io.BytesIO):
        def read(self, *args):
            raise AssertionError("a refused name must not be read")

    with pytest.raises(ValidationError) as error:
        inspect(Unread(_png()), kind=kind, name=name, field="file")
    assert list(error.value.error_dict) == ["file"]
    assert error.value.error_dict["file"][0].code == code
    assert error.value.messages[0]


@pytest.mark.parametrize(
    ("kind", "setting", "name", "body"),
    [
        (EVIDENCE, "EVIDENCE_MAX_UPLOAD_MB", "a.pdf", b"%PDF-1.4\n"),
        (DOCUMENT, "DOCUMENT_MAX_UPLOAD_MB", "a.pdf", b"%PDF-1.4\n"),
        (TRADE_DOCUMENT, "EVIDENCE_MAX_UPLOAD_MB", "a.pdf", b"%PDF-1.4\n"),
        (PHOTO, "PHOTO_MAX_UPLOAD_MB", "a.png", None),
        (IMPORT, "IMPORT_MAX_UPLOAD_MB", "a.csv", b"rfc,nombre\n"),
    ],
)
def test_each_kind_has_its_own_limit_from_its_setting(settings, kind, setting, name, body):
    content = (body or _png()).ljust(int(1.5 * MB), b"\n" if body else b"\0")
    if body is None:  # a real image of 1.5 MB: random pixels do not compress
        import os

        from PIL import Image

        buffer = io.BytesIO()
        Image.frombytes("RGB", (720, 720), os.urandom(720 * 720 * 3)).save(buffer, "PNG")
        content = buffer.getvalue()
    limits = ("EVIDENCE_MAX_UPLOAD_MB", "DOCUMENT_MAX_UPLOAD_MB", "PHOTO_MAX_UPLOAD_MB")
    for other in {*limits, "IMPORT_MAX_UPLOAD_MB"} - {setting}:
        setattr(settings, other, 2)  # raising another kind's limit changes nothing here
    with pytest.raises(ValidationError) as error:
        inspect(io.BytesIO(content), kind=kind, name=name)
    assert error.value.code == "too_large" and "1 MB" in error.value.messages[0]
    setattr(settings, setting, 2)
    assert inspect(io.BytesIO(content), kind=kind, name=name).size == len(content)


def test_each_limit_is_read_from_the_environment(tmp_path):
    from .test_settings_validation import GOOD_KEY, assert_refused, clean_env

    script = (
        "import os\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'resguardo.config.settings'\n"
        "from django.conf import settings\n"
        "print([settings.EVIDENCE_MAX_UPLOAD_MB, settings.DOCUMENT_MAX_UPLOAD_MB,"
        " settings.PHOTO_MAX_UPLOAD_MB, settings.IMPORT_MAX_UPLOAD_MB])\n"
    )

    def run(**values):
        import subprocess
        import sys

        env = clean_env(tmp_path, SECRET_KEY=GOOD_KEY, **values)
        return subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
        )

    assert run().stdout.strip() == "[50, 25, 10, 40]"
    chosen = run(
        EVIDENCE_MAX_UPLOAD_MB="80",
        DOCUMENT_MAX_UPLOAD_MB="30",
        PHOTO_MAX_UPLOAD_MB="12",
        IMPORT_MAX_UPLOAD_MB="5",
    )
    assert chosen.stdout.strip() == "[80, 30, 12, 5]", chosen.stderr
    assert_refused(run(PHOTO_MAX_UPLOAD_MB="ten"), "PHOTO_MAX_UPLOAD_MB", "integer")
    assert_refused(run(DOCUMENT_MAX_UPLOAD_MB="0"), "DOCUMENT_MAX_UPLOAD_MB", "at least 1")


def test_every_limit_is_documented_in_env_example():
    from pathlib import Path

    example = (Path(__file__).resolve().parents[4] / ".env.example").read_text()
    for kind in (EVIDENCE, DOCUMENT, TRADE_DOCUMENT, PHOTO, IMPORT):
        assert f"\n{kind.size_setting}=" in example
