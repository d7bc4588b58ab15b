import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from resguardo.compliance.filetypes import inspect_upload

MB = 1024 * 1024


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


def test_messages_name_the_problem_in_spanish():
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
