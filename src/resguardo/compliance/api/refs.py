"""Turn ids in API input into objects the membership may use (unknown → 400)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.selectors import site_list
from resguardo.standards.models import RequirementNode

from .. import selectors
from ..forms import member_users


def _querysets(membership):
    return {
        "site": lambda: site_list(membership=membership),
        "owner": lambda: member_users(membership),
        "lead_auditor": lambda: member_users(membership),
        "previous": lambda: selectors.assessment_list(membership=membership),
        "result": lambda: _results(membership),
        "finding": lambda: selectors.finding_list(membership=membership),
        "audit": lambda: selectors.internal_audit_list(membership=membership),
    }


def _results(membership):
    from ..access import site_q
    from ..models import RequirementResult

    return RequirementResult.objects.filter(organization=membership.organization).filter(
        site_q(membership, "assessment__site")
    )


def _unknown(field):
    return ValidationError({field: _("Unknown, or not yours to use.")}, code="unknown")


def resolve_refs(data: dict, membership) -> dict:
    """Replace id/URN values of known reference fields by objects, in place."""
    querysets = _querysets(membership)
    for field, make in querysets.items():
        if field not in data or data[field] is None:
            continue
        found = make().filter(pk=data[field]).first()
        if found is None:
            raise _unknown(field)
        data[field] = found
    if data.get("node") is not None:
        node = RequirementNode.objects.filter(urn=data["node"]).first()
        if node is None:
            raise _unknown("node")
        data["node"] = node
    if "sites" in data and data["sites"] is not None:
        sites = list(site_list(membership=membership).filter(pk__in=data["sites"]))
        if len(sites) != len(set(data["sites"])):
            raise _unknown("sites")
        data["sites"] = sites
    if "scope_nodes" in data and data["scope_nodes"] is not None:
        nodes = list(RequirementNode.objects.filter(urn__in=data["scope_nodes"]))
        if len(nodes) != len(set(data["scope_nodes"])):
            raise _unknown("scope_nodes")
        data["scope_nodes"] = nodes
    return data
