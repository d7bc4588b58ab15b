"""The people every test can act as (Healthchecks-style personas).

Organization "Norte" has: alice (admin), carla (compliance officer), sam (site manager of
the yard only), sofia (staff at the yard), audrey (auditor until 30 days from now).
Organization "Sur" has: oscar (admin), the outsider who must never see Norte's data.
"""

from dataclasses import dataclass

from resguardo.core.actors import Actor
from resguardo.core.choices import Role, SiteKind

from .factories import MembershipFactory, OrganizationFactory, SiteFactory, UserFactory, aduana


@dataclass
class World:
    org: object
    other_org: object
    office: object
    yard: object
    other_site: object
    alice: object
    carla: object
    sam: object
    sofia: object
    audrey: object
    oscar: object

    def membership(self, user):
        return user.memberships.get(organization__in=[self.org, self.other_org])

    def actor(self, user) -> Actor:
        """The persona acting for their organization, as services receive it."""
        return Actor.for_member(self.membership(user))


def build_world() -> World:
    org = OrganizationFactory(legal_name="Agencia Aduanal Norte, S.C.", short_name="Norte")
    other = OrganizationFactory(legal_name="Agencia Aduanal Sur, S.C.", short_name="Sur")
    office = SiteFactory(organization=org, name="Oficina Norte", aduana=aduana("24"))
    yard = SiteFactory(
        organization=org, name="Patio Norte", kind=SiteKind.YARD, aduana=aduana("24")
    )
    other_site = SiteFactory(organization=other, name="Oficina Sur", aduana=aduana("16"))
    people = {}
    for name, role, sites in [
        ("alice", Role.ADMIN, []),
        ("carla", Role.COMPLIANCE, []),
        ("sam", Role.SITE_MANAGER, [yard]),
        ("sofia", Role.STAFF, [yard]),
        ("audrey", Role.AUDITOR, []),
    ]:
        user = UserFactory(email=f"{name}@norte.example.mx", first_name=name.title())
        MembershipFactory(user=user, organization=org, role=role, sites=sites)
        people[name] = user
    oscar = UserFactory(email="oscar@sur.example.mx", first_name="Oscar")
    MembershipFactory(user=oscar, organization=other, role=Role.ADMIN)
    return World(
        org=org,
        other_org=other,
        office=office,
        yard=yard,
        other_site=other_site,
        oscar=oscar,
        **people,
    )
