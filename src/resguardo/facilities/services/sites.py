"""The site security profile (a new version per change) and the CCTV camera register."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.exceptions import ConcurrentEditError
from resguardo.core.permissions import Perm, require_own_site, require_perm
from resguardo.core.writes import create_audited, update_audited

from ..models import Camera, SiteProfile
from .common import check_member

PROFILE_FIELDS = (
    "premises",
    "gates",
    "gate_count",
    "perimeter",
    "has_fence",
    "parking",
    "private_cars_apart",
    "locks_and_keys",
    "lighting",
    "backup_power",
    "alarms_and_cctv",
    "cctv_failure_notice",
)


@transaction.atomic
def site_profile_save(
    *, actor: Actor, site, change_note="", expected_number: int | None = None, **values
) -> SiteProfile:
    """Write the next version of the site's profile; the previous one is kept as it was."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_own_site(actor.membership, site)
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown profile fields: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    current = SiteProfile.objects.select_for_update().filter(site=site, is_current=True).first()
    if current is not None and expected_number is not None and current.number != expected_number:
        raise ConcurrentEditError(instance=current)
    if current is not None:
        if all(getattr(current, f) == values.get(f, getattr(current, f)) for f in PROFILE_FIELDS):
            raise ValidationError(_("Nothing changed; no new version was written."))
        update_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=current,
            changes={"is_current": False},
            verb="site_profile.superseded",
            data={"site": site.name, "number": current.number},
        )
        base = {f: getattr(current, f) for f in PROFILE_FIELDS}
    else:
        base = {}
    base.update(values)
    profile = SiteProfile(
        organization=actor.organization,
        site=site,
        number=(current.number + 1) if current else 1,
        change_note=(change_note or "").strip()[:300],
        recorded_by=actor.user,
        **base,
    )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=profile,
        verb="site_profile.saved",
        data={"site": site.name, "number": profile.number},
    )


@transaction.atomic
def camera_save(
    *,
    actor: Actor,
    camera: Camera | None = None,
    site=None,
    name,
    location,
    coverage="",
    covers_loaded_vehicles=False,
    retention_days=30,
    is_active=True,
    access=(),
    expected_version: int | None = None,
) -> Camera:
    """Register or change a camera. Fewer than 30 days of recordings is saved (the register
    must say the truth) and shown as a warning."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    for user in access:
        check_member(actor, "access", user)
    values = {
        "name": " ".join((name or "").split()),
        "location": (location or "").strip(),
        "coverage": (coverage or "").strip(),
        "covers_loaded_vehicles": bool(covers_loaded_vehicles),
        "retention_days": retention_days,
        "is_active": is_active,
    }
    if not values["name"]:
        raise ValidationError({"name": _("Name the camera.")})
    if camera is None:
        require_own_site(actor.membership, site)
        if Camera.objects.filter(
            organization=actor.organization, site=site, name=values["name"]
        ).exists():
            raise ValidationError({"name": _("This site already has a camera with that name.")})
        return create_audited(
            actor=actor.user,
            organization=actor.organization,
            instance=Camera(organization=actor.organization, site=site, **values),
            m2m={"access": list(access)},
            verb="camera.registered",
            data={"camera": values["name"]},
        )
    from resguardo.core.permissions import require_same_organization

    require_same_organization(actor.membership, camera, field="camera")
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=camera,
        changes=values,
        expected_version=expected_version,
        m2m={"access": list(access)},
        verb="camera.changed",
        data={"camera": values["name"]},
    )
