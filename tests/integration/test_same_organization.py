"""One same-organization check with one error type, whichever app's service is handed a
record of another organization (a forged or stale id)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from resguardo.core.actors import Actor
from resguardo.core.exceptions import OtherOrganizationError
from resguardo.core.permissions import require_same_organization


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def oscar(world):
    return world.membership(world.oscar)


def test_the_check_names_the_field_and_lets_an_empty_relation_pass(world, oscar):
    with pytest.raises(OtherOrganizationError) as refused:
        require_same_organization(oscar, world.office, field="site")
    assert isinstance(refused.value, ValidationError)
    assert refused.value.message_dict == {"site": ["This record belongs to another organization."]}
    require_same_organization(oscar, None, field="site")
    require_same_organization(oscar, world.other_site)
    require_same_organization(world.other_org, world.other_site)  # system paths


def test_core_refuses_another_organizations_site(world, oscar):
    from resguardo.core import services

    with pytest.raises(OtherOrganizationError, match="This site belongs to another"):
        services.site_update(actor=Actor.for_member(oscar), site=world.office, name="X")


def test_shipments_refuses_another_organizations_shipment(world, oscar):
    from resguardo.shipments import services
    from resguardo.shipments.choices import DocumentKind
    from resguardo.shipments.tests.factories import ShipmentFactory

    shipment = ShipmentFactory(site=world.yard)
    with pytest.raises(OtherOrganizationError):
        services.document_add(
            actor=Actor.for_member(oscar),
            shipment=shipment,
            kind=DocumentKind.CARTA_PORTE,
            number="CP-1",
        )
    assert not shipment.documents.exists()


def test_partners_refuses_another_organizations_partner(world, oscar):
    from resguardo.partners import services
    from resguardo.partners.tests.factories import PartnerFactory

    partner = PartnerFactory(organization=world.org)
    with pytest.raises(OtherOrganizationError):
        services.partner_update(actor=Actor.for_member(oscar), partner=partner, legal_name="Otra")
    partner.refresh_from_db()
    assert partner.legal_name != "Otra"


def test_compliance_refuses_another_organizations_site_on_the_field(world, oscar):
    from resguardo.compliance import services

    with pytest.raises(OtherOrganizationError) as refused:
        services.action_item_create(
            actor=Actor.for_member(oscar), title="Fix the fence", site=world.yard
        )
    assert list(refused.value.message_dict) == ["site"]
