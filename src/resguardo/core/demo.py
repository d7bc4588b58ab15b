"""Demo data: a realistic customs agency with several sites and a user for each role.

Modules add their own demo records with the `demo_seeder` of their `ResguardoModule`; each
seeder receives the DemoContext and runs once, on an empty database, in INSTALLED_APPS order.
Seeders call the real services, which are top-level (durable) transactions: seeding is not
wrapped in one transaction (the demo command says so if seeding fails).
The demo users themselves are created by accounts (`resguardo.accounts.demo.seed_demo`), which
owns users: the kernel never imports accounts.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .actors import Actor
from .choices import OrganizationKind, Role, SiteKind
from .models import Aduana, Organization
from .modules import registry
from .services import membership_bootstrap, organization_create, site_create
from .validators import rfc_check_digit

DEMO_PASSWORD = "aduana-segura-26"


def _rfc(body: str) -> str:
    return body + rfc_check_digit(body + "0")


@dataclass
class DemoContext:
    organization: Organization
    users: dict = field(default_factory=dict)
    sites: dict = field(default_factory=dict)
    memberships: dict = field(default_factory=dict)
    other_organization: Organization | None = None


DEMO_USERS = [
    ("admin", "Patricia", "Lozano Garza", Role.ADMIN, []),
    ("oea", "Jorge", "Ibarra Salinas", Role.COMPLIANCE, []),
    ("gerente", "Mariana", "Treviño Ruiz", Role.SITE_MANAGER, ["patio"]),
    ("operador", "Luis", "Hernández Peña", Role.STAFF, ["patio", "matriz"]),
    ("auditor", "Elena", "Vargas Ortiz", Role.AUDITOR, []),
]
DEMO_SITES = [
    (
        "matriz",
        "Oficina matriz Nuevo Laredo",
        SiteKind.OFFICE,
        "24",
        "Av. César López de Lara 1500, Col. Centro, Nuevo Laredo, Tamps.",
    ),
    (
        "patio",
        "Patio fiscal Nuevo Laredo",
        SiteKind.YARD,
        "24",
        "Carretera Nacional km 13.5, Nuevo Laredo, Tamps.",
    ),
    (
        "manzanillo",
        "Oficina Manzanillo",
        SiteKind.OFFICE,
        "16",
        "Av. Teniente Azueta 20, Manzanillo, Col.",
    ),
    (
        "veracruz",
        "Bodega Veracruz",
        SiteKind.WAREHOUSE,
        "43",
        "Av. Marina Mercante 210, Veracruz, Ver.",
    ),
    (
        "aicm",
        "Oficina AICM",
        SiteKind.OFFICE,
        "47",
        "Av. Capitán Carlos León s/n, Venustiano Carranza, CDMX",
    ),
]


def demo_email(key: str) -> str:
    return f"{key}@demo.resguardo.mx"


def seed_demo(*, users: dict) -> DemoContext:
    """The demo organizations for `users` (one user per key of DEMO_USERS), then every
    registered seeder."""
    admin = users["admin"]
    organization = organization_create(
        actor=admin,
        legal_name="Agencia Aduanal Lozano y Asociados, S.C.",
        short_name="AA Lozano",
        rfc=_rfc("ALA150312HT"),
        kind=OrganizationKind.CUSTOMS_AGENCY,
        patentes=["3921", "3945"],
    )
    context = DemoContext(organization=organization, users=users)
    admin_membership = organization.memberships.get(user=admin)
    context.memberships["admin"] = admin_membership
    for key, name, kind, aduana_code, address in DEMO_SITES:
        context.sites[key] = site_create(
            actor=Actor.for_member(admin_membership),
            name=name,
            kind=kind,
            aduana=Aduana.objects.get(code=aduana_code),
            address=address,
        )
    expiry = timezone.localdate() + datetime.timedelta(days=90)
    for key, _first, _last, role, site_keys in DEMO_USERS:
        if key == "admin":
            continue
        context.memberships[key] = membership_bootstrap(
            actor=admin,
            organization=organization,
            user=users[key],
            role=role,
            sites=[context.sites[s] for s in site_keys],
            expires_at=expiry if role == Role.AUDITOR else None,
        )
    # A second organization, so the organization switcher has something to switch to.
    other = organization_create(
        actor=admin,
        legal_name="Comercializadora Fronteriza del Bravo, S.A. de C.V.",
        short_name="Fronteriza del Bravo",
        rfc=_rfc("CFB090714KL"),
        kind=OrganizationKind.CERTIFIED_COMPANY,
    )
    other_admin = other.memberships.get(user=admin)
    site_create(
        actor=Actor.for_member(other_admin),
        name="Planta Reynosa",
        kind=SiteKind.WAREHOUSE,
        aduana=Aduana.objects.get(code="30"),
    )
    context.other_organization = other
    type(admin).objects.filter(pk=admin.pk).update(active_organization=organization)
    for seeder in registry().seeders:
        seeder(context)
    return context
