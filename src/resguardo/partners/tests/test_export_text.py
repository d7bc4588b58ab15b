"""A control character in stored partner text must not break the Excel export."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from ..models import Partner
from .factories import create_partner


def test_the_registry_exports_text_holding_a_control_character(world, client_for):
    partner = create_partner(world)
    Partner.objects.filter(pk=partner.pk).update(trade_name="Bravo\x07 Norte")
    response = client_for(world.audrey).get(reverse("partners:partner_export"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert "Bravo Norte" in [c for row in sheet.iter_rows(values_only=True) for c in row]
