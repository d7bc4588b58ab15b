"""Builders for the risks tests: records made through the services, as a user would."""

import itertools

from resguardo.core.actors import Actor

from .. import services
from ..models import ThreatCategory

_n = itertools.count(1)


def actor_for(world, user):
    return Actor.for_member(world.membership(user))


def threat(organization, key="cargo_theft"):
    services.threats_seed(organization=organization)
    return ThreatCategory.objects.get(organization=organization, key=key)


def risk(world, *, user=None, site=None, ratings=(3, 4, 2, 3), **extra):
    user = user or world.carla
    likelihood, impact, residual_likelihood, residual_impact = ratings
    values = {
        "title": f"Robo de carga {next(_n)}",
        "process": "Traslado a frontera",
        "threat": threat(world.membership(user).organization),
        "site": site,
        "inherent_likelihood": likelihood,
        "inherent_impact": impact,
        "residual_likelihood": residual_likelihood,
        "residual_impact": residual_impact,
    }
    values.update(extra)
    return services.risk_create(actor=actor_for(world, user), **values)


def plan(world, *, site=None, **extra):
    values = {
        "title": f"Sello violado {next(_n)}",
        "scenario": "seal_breach",
        "procedure": "Aislar la unidad y avisar al OEA.",
        "site": site,
        "contacts": [services.Contact("Coordinador", "Carla", "867 000 0000")],
    }
    values.update(extra)
    return services.plan_create(actor=actor_for(world, world.carla), **values)


def policy(world, **extra):
    values = {"title": f"Política de seguridad {next(_n)}", "body": "Texto de la política."}
    values.update(extra)
    return services.policy_create(actor=actor_for(world, world.carla), **values)
