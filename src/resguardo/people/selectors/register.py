"""Reads of the personnel register. Personnel data is confidential: every selector naming
people answers nothing to a member without Perm.MANAGE_COMPLIANCE (admin and compliance),
whatever page or endpoint calls it."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from resguardo.core.permissions import Perm, has_perm

from ..choices import AcknowledgedDocument, PersonStatus
from ..models import (
    Acknowledgement,
    BackgroundCheck,
    CheckItem,
    CheckItemType,
    Departure,
    PeoplePolicy,
    Person,
    Post,
)


def may_read_personnel(membership) -> bool:
    return has_perm(membership, Perm.MANAGE_COMPLIANCE)


def _own(model, membership):
    if not may_read_personnel(membership):
        return model.objects.none()
    return model.objects.filter(organization=membership.organization)


def policy_get(*, organization) -> PeoplePolicy:
    """The organization's policy, or the defaults (unsaved) until someone saves one."""
    return PeoplePolicy.objects.filter(organization=organization).first() or PeoplePolicy(
        organization=organization
    )


def post_list(*, membership):
    """Posts are not personal data: every member may read them."""
    posts = Post.objects.filter(organization=membership.organization)
    return (
        posts.annotate(headcount=Count("people", filter=Q(people__status=PersonStatus.ACTIVE)))
        .prefetch_related("required_checks", "course_rules__course")
        .order_by("name", "pk")
    )


def post_get(*, membership, pk):
    return get_object_or_404(post_list(membership=membership), pk=pk)


def check_item_type_list(*, membership):
    return CheckItemType.objects.filter(organization=membership.organization)


def person_list(*, membership):
    return _own(Person, membership).select_related("post", "site")


def person_get(*, membership, pk):
    """The file itself; callers showing it write the read to the audit log
    (services.person_file_read)."""
    return get_object_or_404(
        person_list(membership=membership).select_related("user", "departure"), pk=pk
    )


def check_list(*, membership):
    return _own(BackgroundCheck, membership).select_related("person", "person__post")


def check_get(*, membership, pk):
    items = CheckItem.objects.select_related("item_type")
    return get_object_or_404(
        check_list(membership=membership).prefetch_related(Prefetch("items", queryset=items)),
        pk=pk,
    )


def departure_list(*, membership):
    return (
        _own(Departure, membership)
        .select_related("person", "person__post")
        .annotate(
            pending_items=Count("items", filter=Q(items__outcome="pending")),
            item_count=Count("items"),
        )
        .order_by("-left_at", "-pk")
    )


def departure_get(*, membership, pk):
    return get_object_or_404(departure_list(membership=membership).prefetch_related("items"), pk=pk)


def acknowledgement_list(*, membership):
    return _own(Acknowledgement, membership).select_related("person")


def acknowledgement_coverage(*, membership) -> list[dict]:
    """Per document: the current version, and how many active people acknowledged it."""
    policy = policy_get(organization=membership.organization)
    active = person_list(membership=membership).filter(status=PersonStatus.ACTIVE)
    total = active.count()
    rows = []
    for document in AcknowledgedDocument:
        version = policy.current_version(document)
        done = 0
        if version:
            done = (
                active.filter(
                    acknowledgements__document=document, acknowledgements__version=version
                )
                .distinct()
                .count()
            )
        rows.append(
            {
                "document": document,
                "label": document.label,
                "version": version,
                "acknowledged": done,
                "total": total,
                "percent": round(100 * done / total) if total and version else None,
            }
        )
    return rows
