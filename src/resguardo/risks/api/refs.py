"""Turn ids in API input into objects the member may use (unknown or another
organization's → 400 naming the field)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.compliance.selectors import evidence_list
from resguardo.core.selectors import member_user_list, site_list
from resguardo.standards.models import RequirementNode

from .. import selectors


def _querysets(membership):
    return {
        "site": lambda: site_list(membership=membership),
        "owner": lambda: member_user_list(membership=membership),
        "user": lambda: member_user_list(membership=membership),
        "participants": lambda: member_user_list(membership=membership),
        "threat": lambda: selectors.threat_list(membership=membership),
        "meeting": lambda: selectors.meeting_list(membership=membership),
        "attendees": lambda: selectors.committee_member_list(membership=membership),
        "plan": lambda: selectors.plan_list(membership=membership),
        "evidence": lambda: evidence_list(membership=membership),
        "document": lambda: evidence_list(membership=membership),
    }


def _unknown(field):
    return ValidationError({field: _("Unknown, or not yours to use.")}, code="unknown")


def resolve_refs(data: dict, membership) -> dict:
    for field, make in _querysets(membership).items():
        value = data.get(field)
        if value is None:
            continue
        if isinstance(value, list):
            found = list(make().filter(pk__in=value))
            if len(found) != len(set(value)):
                raise _unknown(field)
            data[field] = found
        else:
            found = make().filter(pk=value).first()
            if found is None:
                raise _unknown(field)
            data[field] = found
    if data.get("requirements") is not None:
        nodes = list(RequirementNode.objects.filter(urn__in=data["requirements"]))
        if len(nodes) != len(set(data["requirements"])):
            raise _unknown("requirements")
        data["requirements"] = nodes
    return data
