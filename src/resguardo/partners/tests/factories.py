"""Test data for the partners app: factories and the published-format list fixtures."""

import datetime
from pathlib import Path

import factory
from django.utils import timezone

from resguardo.core.actors import Actor
from resguardo.testing.factories import OrganizationFactory, valid_rfc

from ..choices import CertificationProgram, PartnerKind, WatchlistSource
from ..models import Certification, Partner

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class PartnerFactory(factory.django.DjangoModelFactory):
    """A partner row as stored (no screening, no risk computed): for read-side tests.
    Tests of behaviour create partners through `services.partner_create`."""

    class Meta:
        model = Partner

    organization = factory.SubFactory(OrganizationFactory)
    kind = PartnerKind.CLIENT
    legal_name = factory.Sequence(lambda n: f"Cliente de Prueba {n}, S.A. de C.V.")
    rfc = factory.LazyFunction(valid_rfc)
    country = "MX"


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    partner = factory.SubFactory(PartnerFactory)
    organization = factory.LazyAttribute(lambda o: o.partner.organization)
    program = CertificationProgram.OEA
    modality = "carrier"
    certificate_number = factory.Sequence(lambda n: f"400-03-{n:04d}")
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))


def import_fixture(source=WatchlistSource.SAT_69B, name="sat_69b.csv", alias_name=None):
    from ..watchlists.importer import list_version_import

    return list_version_import(
        source=source,
        content=fixture_bytes(name),
        file_name=name,
        alias_content=fixture_bytes(alias_name) if alias_name else None,
        origin="tests",
    ).version


def create_partner(world, **data):
    from .. import services

    membership = world.membership(world.carla)
    defaults = {
        "kind": PartnerKind.CLIENT,
        "legal_name": "Cliente Ejemplo, S.A. de C.V.",
        "rfc": valid_rfc(),
    }
    return services.partner_create(actor=Actor.for_member(membership), **{**defaults, **data})
