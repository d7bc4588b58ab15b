"""One way of writing a date per language: day/month/year in Spanish, the month as a word in
English; the same on the list and the detail page (a reviewer found three formats in use)."""

import datetime

import pytest
from django.urls import reverse

from .factories import ShipmentFactory

pytestmark = pytest.mark.django_db


def test_shipment_dates_in_each_language(patentes, client_for):
    shipment = ShipmentFactory(site=patentes.yard, operation_date=datetime.date(2026, 3, 7))
    client = client_for(patentes.alice)
    for url in (
        reverse("shipments:shipment_list"),
        reverse("shipments:shipment_detail", args=[shipment.pk]),
    ):
        spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es-mx").content.decode()
        assert "07/03/2026" in spanish and "2026-03-07" not in spanish
    client.cookies["resguardo_language"] = "en"
    english = client.get(reverse("shipments:shipment_detail", args=[shipment.pk])).content.decode()
    assert "7 Mar 2026" in english and "2026-03-07" not in english
