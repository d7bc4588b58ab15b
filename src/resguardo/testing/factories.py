"""factory-boy factories shared by every app's tests."""

import datetime
import itertools

import factory
from django.utils import timezone

from resguardo.accounts.models import User
from resguardo.core.choices import OrganizationKind, Role, SiteKind
from resguardo.core.models import Aduana, Membership, Organization, Site
from resguardo.core.validators import rfc_check_digit

TEST_PASSWORD = "correct-horse-battery-9"
_rfc_counter = itertools.count(1)


def valid_rfc() -> str:
    """A well-formed company RFC with a correct check digit, unique per call."""
    n = next(_rfc_counter)
    letters = "".join(chr(ord("A") + (n // 26**i) % 26) for i in range(3))
    body = f"{letters}150312TK"
    return body + rfc_check_digit(body + "0")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.mx")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    legal_name = factory.Sequence(lambda n: f"Agencia Aduanal Prueba {n}, S.C.")
    kind = OrganizationKind.CUSTOMS_AGENCY
    rfc = factory.LazyFunction(valid_rfc)


def aduana(code: str = "24") -> Aduana:
    return Aduana.objects.get(code=code)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Sitio {n}")
    kind = SiteKind.OFFICE
    aduana = factory.LazyFunction(aduana)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.STAFF
    expires_at = factory.LazyAttribute(
        lambda o: (
            timezone.localdate() + datetime.timedelta(days=30) if o.role == Role.AUDITOR else None
        )
    )

    @factory.post_generation
    def sites(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.sites.set(extracted)
