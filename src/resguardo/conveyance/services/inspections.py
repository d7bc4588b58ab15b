"""Inspections of transport units (the E4 list by default, the C-TPAT 7-, 8- and 17-point
lists on request), the inspector's signature and the supervisor's sign-off and decision."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.events import publish
from resguardo.core.files import atomic_with_files
from resguardo.core.identifiers import normalize_code, validate_container_number
from resguardo.core.permissions import require_record_at, require_same_organization
from resguardo.core.writes import create_audited, update_audited
from resguardo.shipments.choices import ContainerKind
from resguardo.standards.selectors import checklist_get

from ..choices import CHECKLISTS_WITH_TRAILER, ChecklistKey, InspectionStatus, SupervisorDecision
from ..events import InspectionHoldRejected
from ..models import Inspection, InspectionPointResult
from ..permissions import require_supervisor_at
from .common import photo_changes, store_photo

CONTAINER_SHAPE = re.compile(r"^[A-Z]{4}\d{7}$")


def default_checklist_key(site=None) -> str:
    """The E4 form's own list for an operation in Mexico. Every site of an organization is
    attached to one of the SAT's customs offices (Site.aduana is required), so every unit
    inspected in Resguardo is in a Mexican operation; the C-TPAT lists stay selectable for
    a U.S. partner who asks for them."""
    if site is not None and site.aduana_id is None:
        return ChecklistKey.TRACTOR_TRAILER_17
    return ChecklistKey.E4_TRANSPORT_UNIT


def load_checklist(key):
    if key not in ChecklistKey.values:
        raise ValidationError({"checklist_key": [_("Choose the kind of inspection.")]})
    try:
        return checklist_get(key)
    except Http404:
        raise ValidationError(
            _(
                "The inspection points “%(key)s” are not loaded in the standards catalog; ask "
                "an administrator to load it."
            )
            % {"key": key}
        ) from None


def _unit_number(raw, container) -> str:
    if container is not None:
        return container.number
    number = normalize_code(raw)
    if not number:
        raise ValidationError({"unit_number": [_("Type the number of the unit inspected.")]})
    if CONTAINER_SHAPE.match(number):
        try:
            validate_container_number(number)
        except ValidationError as error:
            raise ValidationError({"unit_number": error.messages}) from None
    return number[:20]


def _check_unit(*, membership, checklist_key, shipment, container):
    if shipment is not None:
        require_same_organization(membership, shipment)
    if container is not None:
        require_same_organization(membership, container)
        if shipment is not None and container.shipment_id != shipment.pk:
            raise ValidationError(
                {"container": [_("This container does not belong to the shipment.")]}
            )
        if container.kind == ContainerKind.REEFER and checklist_key == ChecklistKey.CONTAINER_7:
            raise ValidationError(
                {"checklist_key": [_("A refrigerated container needs the 8-point inspection.")]}
            )


def _clean_results(checklist, results) -> list[tuple]:
    """[(point, passed, note, photo)] for every point of the checklist, in order."""
    by_code = {}
    for result in results:
        code = str(result.get("code", "")).strip()
        if code in by_code:
            raise ValidationError(_("Point %(code)s was answered twice.") % {"code": code})
        by_code[code] = result
    points = list(checklist.points.all())
    known = {p.code for p in points}
    unknown = sorted(set(by_code) - known)
    if unknown:
        raise ValidationError(
            _("This checklist has no point %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    errors, clean = [], []
    for point in points:
        result = by_code.get(point.code)
        passed = None if result is None else result.get("passed")
        # Each error names its point (params) so a form can show it beside that point.
        params = {"code": point.code, "title": point.title}
        if passed is None:
            errors.append(
                ValidationError(
                    _("Point %(code)s (%(title)s): mark it passed or failed."),
                    code="point_unanswered",
                    params=params,
                )
            )
            continue
        note = (result.get("note") or "").strip()
        if not passed and not note:
            errors.append(
                ValidationError(
                    _("Point %(code)s (%(title)s) failed: describe what you found."),
                    code="point_note_missing",
                    params=params,
                )
            )
            continue
        clean.append((point, bool(passed), note, result.get("photo")))
    if errors:
        raise ValidationError(errors, code="incomplete")
    return clean


@atomic_with_files
def inspection_record(
    *,
    actor: Actor,
    site,
    place,
    signed_name,
    results,
    checklist_key=None,
    unit_number="",
    shipment=None,
    container=None,
    tractor_plates="",
    trailer_plates="",
    inspected_at=None,
    note="",
) -> Inspection:
    """Record a whole inspection, signed by the inspector. A failed point holds the unit
    until a supervisor decides. Without a checklist, the E4 list (see default_checklist_key)."""
    require_record_at(actor.membership, site)
    checklist_key = checklist_key or default_checklist_key(site)
    checklist = load_checklist(checklist_key)
    _check_unit(
        membership=actor.membership,
        checklist_key=checklist_key,
        shipment=shipment,
        container=container,
    )
    if container is not None and shipment is None:
        shipment = container.shipment
    unit = _unit_number(unit_number, container)
    errors = {}
    if not (place or "").strip():
        errors["place"] = [_("Say where the unit was inspected.")]
    if not (signed_name or "").strip():
        errors["signed_name"] = [_("Sign the inspection with your name.")]
    trailer_plates = normalize_code(trailer_plates)[:20]
    if checklist_key in CHECKLISTS_WITH_TRAILER and not trailer_plates:
        errors["trailer_plates"] = [
            _("Type the trailer plates: this inspection covers the trailer or box.")
        ]
    now = timezone.now()
    inspected_at = inspected_at or now
    if inspected_at > now + datetime.timedelta(minutes=5):
        errors["inspected_at"] = [_("The time is in the future.")]
    if errors:
        raise ValidationError(errors)
    clean = _clean_results(checklist, results)
    failed = sum(1 for _p, passed, _n, _ph in clean if not passed)
    inspection = create_audited(
        actor=actor,
        organization=actor.organization,
        verb="inspection.recorded",
        instance=Inspection(
            organization=actor.organization,
            site=site,
            checklist=checklist,
            checklist_key=checklist_key,
            shipment=shipment,
            container=container,
            unit_number=unit,
            tractor_plates=normalize_code(tractor_plates)[:20],
            trailer_plates=trailer_plates,
            place=place.strip()[:200],
            inspector=actor.user,
            inspected_at=inspected_at,
            signed_name=signed_name.strip()[:200],
            signed_at=now,
            status=InspectionStatus.HELD if failed else InspectionStatus.PASSED,
            point_count=len(clean),
            failed_count=failed,
            note=(note or "").strip(),
        ),
    )
    for point, passed, point_note, photo in clean:
        result = InspectionPointResult(
            organization=actor.organization,
            inspection=inspection,
            point=point,
            code=point.code,
            passed=passed,
            note=point_note,
        )
        if photo is not None:
            store_photo(result, photo)
        create_audited(
            actor=actor,
            organization=actor.organization,
            instance=result,
            verb="inspection.point_recorded",
            data={"unit": unit, "point": point.code, "passed": passed},
        )
    return inspection


@transaction.atomic(durable=True)
def inspection_review(
    *, actor: Actor, inspection, decision, note="", signed_name="", expected_version=None
) -> Inspection:
    """The supervisor's sign-off: accept a passed inspection, release or reject a held unit.
    Signed by a supervisor other than the inspector (their name, who and when are kept)."""
    require_same_organization(actor.membership, inspection)
    require_supervisor_at(actor.membership, inspection.site)
    if inspection.inspector_id == actor.user.pk:
        raise ValidationError(
            _("You inspected this unit; another supervisor must review the inspection."),
            code="own_inspection",
        )
    if inspection.reviewed_at is not None:
        raise ValidationError(_("This inspection was already reviewed."), code="reviewed")
    note = (note or "").strip()
    if inspection.status == InspectionStatus.PASSED:
        if decision != SupervisorDecision.ACCEPTED:
            raise ValidationError(
                {"decision": [_("Every point passed: the inspection can only be accepted.")]}
            )
        status = InspectionStatus.PASSED
    else:
        if decision not in (SupervisorDecision.RELEASED, SupervisorDecision.REJECTED):
            raise ValidationError({"decision": [_("Release or reject the held unit.")]})
        if not note:
            raise ValidationError(
                {"note": [_("Say what was found and done about the failed points.")]}
            )
        status = (
            InspectionStatus.RELEASED
            if decision == SupervisorDecision.RELEASED
            else InspectionStatus.REJECTED
        )
    signed_name = (signed_name or "").strip() or actor.user.get_full_name() or str(actor.user)
    reviewed = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=inspection,
        changes={
            "status": status,
            "decision": decision,
            "decision_note": note,
            "reviewed_by": actor.user,
            "reviewed_at": timezone.now(),
            "supervisor_signed_name": signed_name[:200],
        },
        expected_version=expected_version,
        verb=f"inspection.{str(status)}",
    )
    if status == InspectionStatus.REJECTED:
        publish(
            InspectionHoldRejected(
                organization_id=reviewed.organization_id,
                inspection_id=reviewed.pk,
                site_id=reviewed.site_id,
                unit_number=reviewed.unit_number,
                shipment_id=reviewed.shipment_id,
                failed_count=reviewed.failed_count,
                decision_note=reviewed.decision_note,
                rejected_at=reviewed.reviewed_at,
            )
        )
    return reviewed


@atomic_with_files
def inspection_photo_add(*, actor: Actor, inspection, code, photo) -> InspectionPointResult:
    """Add a photo to a point after the fact (for example from the API), before review."""
    require_same_organization(actor.membership, inspection)
    require_record_at(actor.membership, inspection.site)
    if inspection.reviewed_at is not None:
        raise ValidationError(_("The inspection was already reviewed; it cannot change."))
    result = inspection.results.filter(code=code).first()
    if result is None:
        raise ValidationError(
            {"code": [_("This inspection has no point %(code)s.") % {"code": code}]}
        )
    if result.file:
        raise ValidationError({"code": [_("Point %(code)s already has a photo.") % {"code": code}]})
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=result,
        changes=photo_changes(result, photo),
        verb="inspection.photo_added",
        data={"unit": inspection.unit_number, "point": code},
    )
