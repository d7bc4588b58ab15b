"""The SAT's generic RFC for foreign residents (XEXX010101000): accepted with a foreign tax id
for a foreign partner, refused for a Mexican one, in the form, the API and the import; never
unique, never matched against the lists by RFC."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from .. import services
from ..choices import WatchlistSource
from ..models import Partner
from ..watchlists.importer import list_version_import
from .factories import create_partner

XEXX = "XEXX010101000"
MEXICAN_REFUSED = "a Mexican partner needs its own RFC"


def test_two_foreign_partners_may_share_the_generic_rfc(world):
    first = create_partner(
        world, legal_name="Pacific Freight Inc.", rfc=XEXX, tax_id="98-7654321", country="US"
    )
    second = create_partner(
        world, legal_name="Rhein Logistik GmbH", rfc="xexx-010101-000", tax_id="DE123", country="DE"
    )
    assert first.rfc == second.rfc == XEXX
    assert "generic RFC for foreign residents" in str(first.rfc_warning)
    assert first.tax_identifier == "XEXX010101000 · 98-7654321 (US)"


def test_the_generic_rfc_is_refused_for_a_mexican_partner_and_without_a_tax_id(world):
    with pytest.raises(ValidationError) as mexican:
        create_partner(world, legal_name="Comercial Local", rfc=XEXX, country="MX")
    assert MEXICAN_REFUSED in mexican.value.message_dict["rfc"][0]
    with pytest.raises(ValidationError) as no_tax_id:
        create_partner(world, legal_name="Sin Id Inc.", rfc=XEXX, country="US")
    assert "enter the partner's foreign tax id" in no_tax_id.value.message_dict["tax_id"][0]
    with pytest.raises(ValidationError) as public:
        create_partner(world, legal_name="Publico", rfc="XAXX010101000", country="MX")
    assert "general public" in public.value.message_dict["rfc"][0]
    assert not Partner.objects.exists()


def test_changing_a_foreign_partner_to_mexico_keeps_the_rule(world):
    partner = create_partner(
        world, legal_name="Pacific Freight Inc.", rfc=XEXX, tax_id="98-7654321", country="US"
    )
    with pytest.raises(ValidationError) as error:
        services.partner_update(actor=world.actor(world.carla), partner=partner, country="MX")
    assert MEXICAN_REFUSED in error.value.message_dict["rfc"][0]


def test_the_form_says_why(world, client_for):
    client = client_for(world.carla)
    base = {"kind": "carrier", "rfc": XEXX, "status": "active"}
    refused = client.post(
        reverse("partners:partner_create"), {**base, "legal_name": "Local", "country": "MX"}
    )
    assert MEXICAN_REFUSED in refused.content.decode()
    accepted = client.post(
        reverse("partners:partner_create"),
        {**base, "legal_name": "Pacific Freight", "country": "US", "tax_id": "98-7654321"},
        follow=True,
    )
    assert "generic RFC for foreign residents" in accepted.content.decode()
    assert Partner.objects.get().tax_id == "98-7654321"


def test_the_api_says_why(world, api_for):
    api = api_for(world.carla)
    body = {"kind": "carrier", "legal_name": "Pacific Freight", "rfc": XEXX}
    refused = api.post("/api/v1/partners/", {**body, "country": "MX"}, format="json")
    assert refused.status_code == 400 and MEXICAN_REFUSED in str(refused.json())
    accepted = api.post(
        "/api/v1/partners/", {**body, "country": "US", "tax_id": "98-7654321"}, format="json"
    )
    assert accepted.status_code == 201 and accepted.json()["rfc"] == XEXX


def test_the_import_accepts_it_only_for_foreign_partners(world):
    content = (
        "kind,legal_name,rfc,tax_id,country\n"
        f"carrier,Pacific Freight Inc.,{XEXX},98-7654321,US\n"
        f"carrier,Rhein Logistik GmbH,{XEXX},DE123,DE\n"
        f"client,Comercial Local,{XEXX},,MX\n"
    ).encode()
    report = services.partners_import(
        actor=world.actor(world.carla), file_name="p.csv", content=content, dry_run=True
    )
    assert [(p.row, p.column) for p in report.errors] == [(4, "rfc")]
    assert MEXICAN_REFUSED in report.errors[0].message
    fixed = content.replace(b"client,Comercial Local,XEXX010101000,,MX", b"")
    report = services.partners_import(
        actor=world.actor(world.carla), file_name="p.csv", content=fixed, dry_run=False
    )
    assert report.ok and Partner.objects.filter(rfc=XEXX).count() == 2


def test_the_generic_rfc_is_never_looked_up_on_the_lists(world):
    content = (
        "Información actualizada al 15 de mayo de 2026\r\n"
        '"No","RFC","Nombre del Contribuyente","Situación del contribuyente"\r\n'
        f'"1","{XEXX}","OVERSEAS SHELL TRADING LIMITED","Definitivo"\r\n'
    ).encode("cp1252")
    list_version_import(source=WatchlistSource.SAT_69B, content=content, file_name="69b.csv")
    partner = create_partner(
        world, legal_name="Pacific Freight Inc.", rfc=XEXX, tax_id="98-7654321", country="US"
    )
    assert not partner.hits.exists()
