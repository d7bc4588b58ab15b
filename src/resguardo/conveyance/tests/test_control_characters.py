"""A control character in a seal note used to make the seal-log export answer 500."""

import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from resguardo.conveyance.models import SealEvent

from .factories import applied_seal


def _cells(content: bytes) -> list:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row]


def test_the_seal_log_exports_a_note_holding_a_control_character(patentes, client_for, api_for):
    applied_seal(patentes)
    # Stored before input was cleaned (or by another route): the export must still work.
    SealEvent.objects.update(note="Revisado\x07 sin daño")
    today = timezone.localdate().isoformat()
    page = client_for(patentes.audrey).get(
        reverse("conveyance:seal_log_export"),
        {"date_from": today, "date_to": today, "format": "xlsx"},
    )
    assert page.status_code == 200
    assert "Revisado sin daño" in _cells(b"".join(page.streaming_content))
    api = api_for(patentes.audrey).get(
        "/api/v1/seal-events/export/", {"date_from": today, "file_format": "xlsx"}
    )
    assert api.status_code == 200
    assert "Revisado sin daño" in _cells(b"".join(api.streaming_content))
