"""Factories for shipments tests (and for conveyance tests, which build on shipments)."""

import datetime
import itertools

import factory
from django.utils import timezone

from resguardo.core.identifiers import iso6346_check_digit
from resguardo.core.models import Aduana, Patente
from resguardo.core.search import name_key

from ..choices import ContainerKind, Operation, TransportMode
from ..models import Shipment, ShipmentContainer

_serials = itertools.count(100)
_containers = itertools.count(100000)


def year2() -> str:
    return f"{timezone.localdate().year % 100:02d}"


def pedimento_for(patente: str = "3921", aduana: str = "24", serial: int | None = None) -> str:
    year = year2()
    serial = next(_serials) if serial is None else serial
    return f"{year}{aduana}{patente}{year[1]}{serial:06d}"


def container_number(owner: str = "MSCU", serial: int | None = None) -> str:
    body = f"{owner}{(next(_containers) if serial is None else serial):06d}"
    return body + str(iso6346_check_digit(body))


def patente(organization, number="3921", aduana="24") -> Patente:
    found, _ = Patente.objects.get_or_create(
        number=number,
        defaults={"organization": organization, "aduana": Aduana.objects.get(code=aduana)},
    )
    return found


class ShipmentFactory(factory.django.DjangoModelFactory):
    """A shipment written straight to the database (for reads); services are tested apart."""

    class Meta:
        model = Shipment

    site = None
    organization = factory.LazyAttribute(lambda o: o.site.organization)
    patente = factory.LazyAttribute(lambda o: patente(o.organization))
    aduana = factory.LazyAttribute(lambda o: o.site.aduana)
    pedimento = factory.LazyAttribute(lambda o: pedimento_for(o.patente.number, o.aduana.code))
    operation = Operation.EXPORT
    mode = TransportMode.ROAD
    client_name = factory.Sequence(lambda n: f"Cliente {n}, S.A. de C.V.")
    client_key = factory.LazyAttribute(lambda o: name_key(o.client_name))
    operation_date = factory.LazyFunction(lambda: timezone.localdate())
    trailer_number = "CJ53214"


class ContainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShipmentContainer

    shipment = None
    organization = factory.LazyAttribute(lambda o: o.shipment.organization)
    number = factory.LazyFunction(container_number)
    kind = ContainerKind.DRY


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
