"""Core's objects of organization Norte for the cross-app walks (tests/integration): a patente,
an invitation, a site address, an audit entry; the routes of core that name them."""

from resguardo.core import services
from resguardo.core.actors import Actor
from resguardo.core.choices import Role
from resguardo.core.models import AuditEntry, Invitation, Membership, Organization, Patente, Site
from resguardo.testing.walk import WalkFixtures


def build(w) -> None:
    alice_membership = w.membership(w.alice)
    w.patente = services.patente_add(
        actor=Actor.for_member(alice_membership),
        number="3901",
        holder_name="Agente Aduanal Norte Uno",
    )
    w.invitation, _token = services.invitation_create(
        actor=Actor.for_member(alice_membership),
        email="invitada@norte.example.mx",
        role=Role.STAFF,
        all_sites=True,
    )
    services.site_update(
        actor=Actor.for_member(alice_membership),
        site=w.office,
        address="Avenida Norte 100, Nuevo Laredo",
    )
    w.sam_membership = w.membership(w.sam)
    w.audit_entry = AuditEntry.objects.filter(organization=w.org).order_by("sequence")[0]
    w.norte_users = [w.alice, w.carla, w.sam, w.sofia, w.audrey]


def markers(w) -> list[str]:
    return [
        w.org.legal_name,
        w.org.rfc,
        w.office.name,
        w.yard.name,
        "Agente Aduanal Norte Uno",
        "invitada@norte.example.mx",
        "Avenida Norte 100",
        *[user.email for user in w.norte_users],
    ]


def snapshot(w) -> dict:
    org = w.org
    return {
        "organization": list(Organization.objects.filter(pk=org.pk).values()),
        "sites": list(Site.objects.filter(organization=org).order_by("pk").values()),
        "memberships": list(Membership.objects.filter(organization=org).order_by("pk").values()),
        "membership_sites": sorted(
            Membership.sites.through.objects.filter(membership__organization=org).values_list(
                "membership_id", "site_id"
            )
        ),
        "patentes": list(Patente.objects.filter(organization=org).order_by("pk").values()),
        "invitations": list(Invitation.objects.filter(organization=org).order_by("pk").values()),
        "audit_entries": AuditEntry.objects.filter(organization=org).count(),
    }


def list_ids(w) -> dict:
    return {
        "api:site-list": ("id", {w.office.pk, w.yard.pk}),
        "api:member-list": (
            "id",
            set(Membership.objects.filter(organization=w.org).values_list("pk", flat=True)),
        ),
        "api:auditentry-list": (
            "sequence",
            set(AuditEntry.objects.filter(organization=w.org).values_list("sequence", flat=True)),
        ),
    }


WALK = WalkFixtures(
    build=build,
    url_kwargs={
        "core:patente_remove": lambda w: {"pk": w.patente.pk},
        "core:site_detail": lambda w: {"pk": w.yard.pk},
        "core:site_update": lambda w: {"pk": w.yard.pk},
        "core:invitation_revoke": lambda w: {"pk": w.invitation.pk},
        "core:membership_edit": lambda w: {"pk": w.sam_membership.pk},
        "core:audit_entry": lambda w: {"pk": w.audit_entry.pk},
        "api:aduana-detail": lambda w: {"code": "24"},
        "api:site-detail": lambda w: {"pk": w.yard.pk},
        "api:member-detail": lambda w: {"pk": w.sam_membership.pk},
        "api:member-change-role": lambda w: {"pk": w.sam_membership.pk},
        "api:auditentry-detail": lambda w: {"sequence": w.audit_entry.sequence},
    },
    markers=markers,
    shared_object_routes={
        "api:aduana-detail": "the official catalog of customs offices is the same for everyone",
    },
    public_routes={
        "healthz": "probed by load balancers without a session; shows no data",
        "readyz": "the same readiness probe under its usual name; shows no data",
        "livez": "liveness probe: answers without touching the database; shows no data",
        "metrics": "Prometheus scrape: needs the METRICS_TOKEN bearer token, 404 when unset",
        "core:set_language": "anyone, also on the sign-in page, may choose the language",
        "api:schema": "the OpenAPI schema describes the API, never its data",
        "api:docs": "the API documentation page (assets served locally)",
    },
    snapshot=snapshot,
    list_ids=list_ids,
)
