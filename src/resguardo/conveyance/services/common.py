"""Shared steps of the custody services: recording one event on one seal."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.permissions import require_same_organization
from resguardo.core.selectors import member_user_list
from resguardo.core.writes import create_audited, update_audited
from resguardo.shipments.files import check_photo, storage_name

from ..models import Seal, SealEvent
from ..rules import check_time, next_status


def save_photo(upload, organization_id, *, field="photo") -> dict:
    """Check the upload is an image within the limit, save it under a fresh name and return
    the field values to store."""
    try:
        checked = check_photo(upload)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    name = default_storage.save(
        storage_name("conveyance", organization_id, checked.extension), upload
    )
    return {
        field: name,
        f"{field}_content_type": checked.content_type,
        f"{field}_sha256": checked.sha256,
    }


def store_photo(instance, upload, organization_id, *, field="photo") -> None:
    for name, value in save_photo(upload, organization_id, field=field).items():
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
    actor,
    membership,
    seal,
    kind,
    occurred_at=None,
    seal_changes=None,
    expected_version=None,
    photo=None,
    **fields,
) -> SealEvent:
    """Lock the seal, check the event may follow its last one, write both, audit both."""
    require_same_organization(membership, seal)
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
        organization=membership.organization,
        seal=locked,
        sequence=locked.event_count + 1,
        kind=kind,
        occurred_at=occurred_at,
        recorded_by=actor,
        site=locked.site,
        **fields,
    )
    if photo is not None:
        store_photo(event, photo, membership.organization_id)
    create_audited(actor=actor, organization=membership.organization, instance=event)
    changes = {
        "status": status,
        "event_count": locked.event_count + 1,
        "last_event_at": occurred_at,
        **(seal_changes or {}),
    }
    update_audited(
        actor=actor, organization=membership.organization, instance=locked, changes=changes
    )
    return event
