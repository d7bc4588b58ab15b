import pytest
from django.urls import reverse
from django.utils import timezone

from .factories import container_number, pedimento_for

pytestmark = pytest.mark.django_db


def test_errors_read_in_spanish(patentes, client_for, settings):
    settings.LANGUAGE_CODE = "es-mx"
    good = container_number()
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    client = client_for(patentes.sofia)
    client.cookies["resguardo_language"] = "es-mx"
    body = client.post(
        reverse("shipments:shipment_create"),
        {
            "site": patentes.yard.pk,
            "pedimento": pedimento_for(),
            "operation": "import",
            "mode": "sea",
            "client_name": "X",
            "operation_date": timezone.localdate().isoformat(),
            "containers": wrong,
        },
    ).content.decode()
    assert f"el dígito esperado es {good[10]}" in body
    assert "Nuevo embarque" in body
