"""Background checks (8.1): start one with the post's items, record each item, clear it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.files import EVIDENCE, atomic_with_files, inspect_upload, stored_upload_changes
from resguardo.core.writes import create_audited, update_audited

from ..choices import CheckKind, CheckResult, CheckStatus
from ..models import BackgroundCheck, CheckItem, Person
from ..rules import add_months
from .common import own, require_active, require_personnel


@transaction.atomic
def check_start(*, actor, person, kind=CheckKind.HIRING, started_on=None) -> BackgroundCheck:
    """Open a check holding one item per check item the person's post requires."""
    require_personnel(actor)
    own(actor, person, "person")
    require_active(person)
    if kind not in CheckKind.values:
        raise ValidationError({"kind": [_("Choose the kind of check.")]})
    if BackgroundCheck.objects.filter(person=person, status=CheckStatus.OPEN).exists():
        raise ValidationError(
            _("%(person)s already has an open check: finish it first.")
            % {"person": person.full_name},
            code="open_check",
        )
    item_types = list(person.post.required_checks.all())
    if not item_types:
        raise ValidationError(
            _("The post %(post)s requires no check items yet: choose them on the post first.")
            % {"post": person.post.name},
            code="no_items",
        )
    organization = actor.organization
    check = create_audited(
        actor=actor.user,
        organization=organization,
        instance=BackgroundCheck(
            organization=organization,
            person=person,
            kind=kind,
            started_on=started_on or timezone.localdate(),
        ),
        verb="check.started",
        data={"person": person.full_name},
    )
    for item_type in item_types:
        create_audited(
            actor=actor.user,
            organization=organization,
            instance=CheckItem(organization=organization, check_record=check, item_type=item_type),
        )
    return check


@atomic_with_files
def check_item_record(
    *, actor, item, result, done_on, evidence=None, note="", expected_version=None
) -> CheckItem:
    """Record one item's result; evidence is refused missing where the item requires it."""
    require_personnel(actor)
    own(actor, item, None)
    check = item.check_record
    if check.status != CheckStatus.OPEN:
        raise ValidationError(_("This check is closed; start a re-check instead."), code="closed")
    if result not in CheckResult.values:
        raise ValidationError({"result": [_("Choose the result.")]}, code="required")
    if done_on is None:
        raise ValidationError({"done_on": [_("Give the date the item was done.")]}, code="required")
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": [_("The date is in the future.")]})
    changes = {
        "result": result,
        "done_on": done_on,
        "note": (note or "").strip()[:300],
        "expires_on": (
            add_months(done_on, item.item_type.validity_months)
            if item.item_type.validity_months
            else None
        ),
    }
    if evidence is not None:
        inspected = inspect_upload(evidence, kind=EVIDENCE, field="evidence")
        changes.update(stored_upload_changes(item, evidence, inspected))
    elif item.item_type.evidence_required and not item.file:
        raise ValidationError(
            {
                "evidence": [
                    _("%(item)s requires evidence: attach the document.")
                    % {"item": item.item_type.name}
                ]
            },
            code="evidence_required",
        )
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=item,
        changes=changes,
        expected_version=expected_version,
        verb="check.item_recorded",
        data={"item": item.item_type.name, "person": check.person.full_name},
    )


def _missing_items(check) -> list[str]:
    missing = []
    for item in check.items.select_related("item_type"):
        if not item.result or (item.item_type.evidence_required and not item.file):
            missing.append(item.item_type.name)
    return missing


@transaction.atomic
def check_clear(*, actor, check, expected_version=None) -> BackgroundCheck:
    """Clear the person: every item recorded (with evidence where required), none failed."""
    require_personnel(actor)
    own(actor, check, None)
    if check.status != CheckStatus.OPEN:
        raise ValidationError(_("This check is already closed."), code="closed")
    missing = _missing_items(check)
    if missing:
        raise ValidationError(
            _("Cannot clear: these items are missing a result or evidence: %(items)s.")
            % {"items": ", ".join(missing)},
            code="items_missing",
        )
    failed = [i.item_type.name for i in check.items.all() if i.result == CheckResult.UNSATISFACTORY]
    if failed:
        raise ValidationError(
            _("Cannot clear with unsatisfactory items: %(items)s. Record it as not cleared.")
            % {"items": ", ".join(failed)},
            code="items_failed",
        )
    today = timezone.localdate()
    check = update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=check,
        changes={"status": CheckStatus.CLEARED, "closed_on": today, "closed_by": actor.user},
        expected_version=expected_version,
        verb="check.cleared",
        data={"person": check.person.full_name},
    )
    expiries = [i.expires_on for i in check.items.all() if i.expires_on]
    person = Person.objects.select_for_update().get(pk=check.person_id)
    update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=person,
        changes={"cleared_on": today, "clearance_expires_on": min(expiries) if expiries else None},
    )
    return check


@transaction.atomic
def check_reject(*, actor, check, note, expected_version=None) -> BackgroundCheck:
    require_personnel(actor)
    own(actor, check, None)
    if check.status != CheckStatus.OPEN:
        raise ValidationError(_("This check is already closed."), code="closed")
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": [_("Say why the person is not cleared.")]})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=check,
        changes={
            "status": CheckStatus.REJECTED,
            "closed_on": timezone.localdate(),
            "closed_by": actor.user,
            "note": note,
        },
        expected_version=expected_version,
        verb="check.rejected",
        data={"person": check.person.full_name},
    )
