"""Every read of the facilities records, restricted to the organization and the member's sites."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from resguardo.core.permissions import restrict_to_sites

from .choices import BadgeStatus
from .models import (
    Badge,
    Camera,
    Challenge,
    Checkpoint,
    CheckRun,
    CheckType,
    DeniedPerson,
    Guard,
    GuardShift,
    Key,
    KeyAudit,
    Package,
    SiteProfile,
    Visit,
)
from .services.gate import policy_for


def visit_list(*, membership):
    visits = Visit.objects.filter(organization=membership.organization).select_related(
        "site", "host", "badge"
    )
    return restrict_to_sites(visits, membership, "site")


def visit_get(*, membership, pk):
    return get_object_or_404(visit_list(membership=membership), pk=pk)


def on_site(*, membership, site=None):
    """Who is inside now (the evacuation list), oldest arrival first."""
    visits = visit_list(membership=membership).filter(checked_out_at__isnull=True)
    if site is not None:
        visits = visits.filter(site=site)
    return visits.order_by("site__name", "checked_in_at", "pk")


def badge_list(*, membership):
    badges = Badge.objects.filter(organization=membership.organization).select_related(
        "site", "visit", "holder_user"
    )
    return restrict_to_sites(badges, membership, "site")


def badge_get(*, membership, pk):
    return get_object_or_404(badge_list(membership=membership), pk=pk)


def _visitor_badges_out(membership, site=None):
    badges = (
        badge_list(membership=membership).filter(status=BadgeStatus.ISSUED).exclude(kind="employee")
    )
    return badges if site is None else badges.filter(site=site)


def _holder_gone_q() -> Q:
    """A badge's holder already left, or was never logged in."""
    return Q(visit__isnull=True) | Q(visit__checked_out_at__isnull=False)


def badges_out_without_visitor(*, membership, site=None):
    """Visitor and provider badges still out whose holder already left (or was never logged)."""
    return _visitor_badges_out(membership, site).filter(_holder_gone_q())


def _people_inside(membership, site=None) -> dict:
    return on_site(membership=membership, site=site).aggregate(
        people=Count("pk"), with_badge=Count("pk", filter=Q(badge__isnull=False))
    )


def badge_reconciliation(*, membership, site=None) -> dict:
    """Visitor badges out against people inside holding one: the two counts must match."""
    inside_counts = _people_inside(membership, site)
    stray = list(badges_out_without_visitor(membership=membership, site=site)[:50])
    return {
        "people": inside_counts["people"],
        "with_badge": inside_counts["with_badge"],
        "badges_out": _visitor_badges_out(membership, site).count(),
        "stray": stray,
        "reconciled": not stray,
    }


def badge_figures(*, membership) -> dict:
    """The reconciliation's figures without the badges themselves (the home page): people
    inside, badges out, and how many of those are out with nobody inside."""
    badges = _visitor_badges_out(membership).aggregate(
        badges_out=Count("pk"), stray_count=Count("pk", filter=_holder_gone_q())
    )
    return {**_people_inside(membership), **badges, "reconciled": not badges["stray_count"]}


def denied_list(*, membership, active_only=False):
    people = DeniedPerson.objects.filter(organization=membership.organization)
    return people.filter(is_active=True) if active_only else people


def denied_get(*, membership, pk):
    return get_object_or_404(denied_list(membership=membership), pk=pk)


def gate_policy(*, membership):
    return policy_for(membership.organization)


def profile_versions(*, membership, site):
    return SiteProfile.objects.filter(organization=membership.organization, site=site).order_by(
        "-number"
    )


def profile_list(*, membership):
    """Every current profile the member may see."""
    profiles = SiteProfile.objects.filter(
        organization=membership.organization, is_current=True
    ).select_related("site", "recorded_by")
    return restrict_to_sites(profiles, membership, "site")


def profile_get(*, membership, pk):
    profiles = SiteProfile.objects.filter(organization=membership.organization).select_related(
        "site"
    )
    return get_object_or_404(restrict_to_sites(profiles, membership, "site"), pk=pk)


def camera_list(*, membership):
    cameras = Camera.objects.filter(organization=membership.organization).select_related("site")
    return restrict_to_sites(cameras, membership, "site").prefetch_related("access")


def camera_get(*, membership, pk):
    return get_object_or_404(camera_list(membership=membership), pk=pk)


def check_type_list(*, membership):
    checks = CheckType.objects.filter(organization=membership.organization).select_related("site")
    return restrict_to_sites(checks, membership, "site")


def check_type_get(*, membership, pk):
    return get_object_or_404(check_type_list(membership=membership), pk=pk)


def run_list(*, membership):
    runs = CheckRun.objects.filter(organization=membership.organization).select_related(
        "check_type", "site", "performed_by"
    )
    return restrict_to_sites(runs, membership, "site")


def run_get(*, membership, pk):
    return get_object_or_404(run_list(membership=membership), pk=pk)


def open_rounds(*, membership, user):
    return run_list(membership=membership).filter(performed_by=user, status="open")


def key_list(*, membership):
    keys = Key.objects.filter(organization=membership.organization).select_related("site")
    return restrict_to_sites(keys, membership, "site")


def key_get(*, membership, pk):
    return get_object_or_404(key_list(membership=membership), pk=pk)


def key_audit_list(*, membership):
    audits = KeyAudit.objects.filter(organization=membership.organization).select_related(
        "site", "performed_by"
    )
    return restrict_to_sites(audits, membership, "site")


def challenge_list(*, membership):
    rows = Challenge.objects.filter(organization=membership.organization).select_related("site")
    return restrict_to_sites(rows, membership, "site")


def package_list(*, membership):
    rows = Package.objects.filter(organization=membership.organization).select_related("site")
    return restrict_to_sites(rows, membership, "site")


def guard_list(*, membership):
    guards = Guard.objects.filter(organization=membership.organization).prefetch_related("sites")
    from resguardo.core.permissions import allowed_site_ids

    ids = allowed_site_ids(membership)
    return guards if ids is None else guards.filter(sites__in=ids).distinct()


def guard_get(*, membership, pk):
    return get_object_or_404(guard_list(membership=membership), pk=pk)


def shift_list(*, membership):
    shifts = GuardShift.objects.filter(organization=membership.organization).select_related(
        "guard", "site"
    )
    return restrict_to_sites(shifts, membership, "site")


def checkpoint_by_code(*, membership, code):
    checkpoints = Checkpoint.objects.filter(
        organization=membership.organization, code=code
    ).select_related("check_type__site")
    return restrict_to_sites(checkpoints, membership, "check_type__site").first()
