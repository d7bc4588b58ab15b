"""Shared steps of the custody services: recording one event on one seal."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import PHOTO, inspect_upload, stored_upload_changes
from resguardo.core.permissions import require_same_organization
from resguardo.core.selectors import member_user_list
from resguardo.core.writes import create_audited, update_audited

from ..models import Seal, SealEvent
from ..rules import check_time, next_status


def photo_changes(instance, upload) -> dict:
    """Check the upload is a photo within the limit, store it for `instance` and return the
    field values to save (inside `atomic_with_files`, so a rollback deletes it again)."""
    inspected = inspect_upload(upload, kind=PHOTO, field="photo")
    return stored_upload_changes(instance, upload, inspected)


def store_photo(instance, upload) -> None:
    for name, value in photo_changes(instance, upload).items():
        setattr(instance, name, value)


def resolve_person(membership, person=None, person_name=""):
    """(user or None, name): a named person, a member of the organization or not."""
    name = (person_name or "").strip()
    if person is not None:
        if (
            not member_user_list(membership=membership, active_only=False)
            .filter(pk=person.pk)
            .exists()
        ):
            raise ValidationError(
                {"person": [_("This person is not a member of your organization.")]}
            )
        name = name or str(person)
    return person, name[:200]


def record_event(
    *,
    actor: Actor,
    seal,
    kind,
    occurred_at=None,
    seal_changes=None,
    expected_version=None,
    photo=None,
    **fields,
) -> SealEvent:
    """Lock the seal, check the event may follow its last one, write both, audit both."""
    require_same_organization(actor.membership, seal)
    locked = Seal.objects.select_for_update().get(pk=seal.pk)
    if expected_version is not None and locked.version != expected_version:
        from resguardo.core.exceptions import ConcurrentEditError

        raise ConcurrentEditError(
            _(
                "Someone recorded another event for seal %(number)s after you opened it. "
                "Reload the seal and check its history first."
            )
            % {"number": locked.number}
        )
    occurred_at = occurred_at or timezone.now()
    status = next_status(locked, kind)
    check_time(locked, occurred_at)
    event = SealEvent(
        organization=actor.organization,
        seal=locked,
        sequence=locked.event_count + 1,
        kind=kind,
        occurred_at=occurred_at,
        recorded_by=actor.user,
        site=locked.site,
        **fields,
    )
    if photo is not None:
        store_photo(event, photo)
    create_audited(
        actor=actor,
        organization=actor.organization,
        instance=event,
        verb=f"seal.{str(kind)}",
        data={"seal": locked.number, "unit": fields.get("unit_number") or ""},
    )
    changes = {
        "status": status,
        "event_count": locked.event_count + 1,
        "last_event_at": occurred_at,
        **(seal_changes or {}),
    }
    update_audited(actor=actor, organization=actor.organization, instance=locked, changes=changes)
    return event
