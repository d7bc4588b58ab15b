"""Shipments: create, edit, transmit, clear, cancel."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.counterparties import counterparty_block_reason
from resguardo.core.identifiers import format_container_number
from resguardo.core.models import Aduana, Patente
from resguardo.core.permissions import require_record_at, require_same_organization
from resguardo.core.writes import create_audited, delete_audited, update_audited

from ..choices import ShipmentStatus
from ..models import Shipment, ShipmentContainer
from ..rules import Catalogs, clean_shipment, duplicate_pedimento_error

# Changing any of these after the documents were checked makes the check stale.
TRANSPORT_FIELDS = (
    "tractor_plates",
    "trailer_number",
    "trailer_plates",
    "document_seal_numbers",
    "pedimento",
    "client_name",
    "client_rfc",
)


def load_catalogs(organization) -> Catalogs:
    return Catalogs(
        aduanas={a.code: a for a in Aduana.objects.filter(is_active=True)},
        patentes={p.number: p for p in Patente.objects.filter(organization=organization)},
        today=timezone.localdate(),
    )


def _check_pedimento_free(organization, number, *, exclude_pk=None) -> None:
    existing = Shipment.objects.filter(organization=organization, pedimento=number)
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    found = existing.first()
    if found is not None:
        raise duplicate_pedimento_error(number, found)


def _add_containers(*, actor, organization, shipment, containers) -> None:
    for number, kind in containers:
        create_audited(
            actor=actor,
            organization=organization,
            instance=ShipmentContainer(
                organization=organization, shipment=shipment, number=number, kind=kind
            ),
        )


def _refuse_blocked_client(organization, rfc: str) -> None:
    """No new operations with a partner blocked after a confirmed watchlist match."""
    reason = counterparty_block_reason(organization=organization, rfc=rfc or "")
    if reason:
        raise ValidationError({"client_rfc": [reason]})


@transaction.atomic(durable=True)
def shipment_create(*, actor: Actor, site, containers=(), **data) -> Shipment:
    require_record_at(actor.membership, site)
    organization = actor.organization
    clean = clean_shipment({**data, "containers": containers}, load_catalogs(organization))
    _check_pedimento_free(organization, clean.values["pedimento"])
    _refuse_blocked_client(organization, clean.values.get("client_rfc", ""))
    shipment = create_audited(
        actor=actor,
        organization=organization,
        instance=Shipment(
            organization=organization, site=site, created_by=actor.user, **clean.values
        ),
    )
    _add_containers(
        actor=actor, organization=organization, shipment=shipment, containers=clean.containers
    )
    return shipment


def _sync_containers(*, actor: Actor, shipment, containers) -> bool:
    """Make the shipment's containers the given list. True when anything changed."""
    organization = actor.organization
    wanted = dict(containers)
    current = {c.number: c for c in shipment.containers.all()}
    changed = False
    for number, container in current.items():
        if number not in wanted:
            try:
                with transaction.atomic():
                    delete_audited(actor=actor, organization=organization, instance=container)
            except ProtectedError:
                raise ValidationError(
                    {
                        "containers": [
                            _(
                                "The container %(number)s has seal or inspection records and "
                                "cannot be removed from the shipment."
                            )
                            % {"number": format_container_number(number)}
                        ]
                    }
                ) from None
            changed = True
        elif container.kind != wanted[number]:
            update_audited(
                actor=actor,
                organization=organization,
                instance=container,
                changes={"kind": wanted[number]},
            )
            changed = True
    new = [(n, k) for n, k in containers if n not in current]
    _add_containers(actor=actor, organization=organization, shipment=shipment, containers=new)
    return changed or bool(new)


@transaction.atomic(durable=True)
def shipment_update(
    *, actor: Actor, shipment, expected_version=None, containers=None, **data
) -> Shipment:
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    if not shipment.is_editable:
        raise ValidationError(
            _("This shipment cannot be changed: its status is “%(status)s”.")
            % {"status": shipment.get_status_display()}
        )
    new_site = data.pop("site", None)
    if new_site is not None and new_site != shipment.site:
        require_record_at(actor.membership, new_site)
        data["site"] = new_site
    payload = {k: v for k, v in data.items() if k != "site"}
    if containers is not None:
        payload["containers"] = containers
    clean = clean_shipment(payload, load_catalogs(actor.organization), partial=True)
    changes = dict(clean.values)
    if changes.get("client_rfc") and changes["client_rfc"] != shipment.client_rfc:
        _refuse_blocked_client(actor.organization, changes["client_rfc"])
    if "site" in data:
        changes["site"] = data["site"]
    if "pedimento" in changes and changes["pedimento"] != shipment.pedimento:
        if shipment.status != ShipmentStatus.OPEN:
            raise ValidationError(
                {
                    "pedimento": [
                        _(
                            "The pedimento was already transmitted and cannot change; file a "
                            "rectification as a new shipment."
                        )
                    ]
                }
            )
        _check_pedimento_free(actor.organization, changes["pedimento"], exclude_pk=shipment.pk)
    transport_changed = any(
        name in changes and changes[name] != getattr(shipment, name) for name in TRANSPORT_FIELDS
    )
    if containers is not None:
        transport_changed |= _sync_containers(
            actor=actor, shipment=shipment, containers=clean.containers
        )
    if transport_changed and shipment.status == ShipmentStatus.OPEN:
        changes.update(documents_verified_at=None, documents_verified_by=None)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=shipment,
        changes=changes,
        expected_version=expected_version,
    )


def _require_status(shipment, allowed, message) -> None:
    if shipment.status not in allowed:
        raise ValidationError(message, code="status")


@transaction.atomic(durable=True)
def shipment_transmit(*, actor: Actor, shipment, transmitted_at=None, expected_version=None):
    """The pedimento is validated and transmitted: only after its documents were verified."""
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    _require_status(
        shipment,
        {ShipmentStatus.OPEN},
        _("Only an open shipment can be transmitted; its status is “%(status)s”.")
        % {"status": shipment.get_status_display()},
    )
    if shipment.documents_verified_at is None:
        raise ValidationError(
            _(
                "The documents of this shipment have not been verified. Complete the "
                "verification checklist, with no problem left open, before transmitting."
            ),
            code="not_verified",
        )
    when = transmitted_at or timezone.now()
    if when > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError({"transmitted_at": [_("The time is in the future.")]})
    if when < shipment.documents_verified_at:
        raise ValidationError(
            {"transmitted_at": [_("The transmission cannot be earlier than the verification.")]}
        )
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=shipment,
        changes={"status": ShipmentStatus.TRANSMITTED, "transmitted_at": when},
        verb="shipment.transmitted",
        expected_version=expected_version,
    )


@transaction.atomic(durable=True)
def shipment_clear(*, actor: Actor, shipment, cleared_at=None, expected_version=None):
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    _require_status(
        shipment,
        {ShipmentStatus.TRANSMITTED},
        _("Only a transmitted shipment can be cleared; its status is “%(status)s”.")
        % {"status": shipment.get_status_display()},
    )
    when = cleared_at or timezone.now()
    if when < shipment.transmitted_at:
        raise ValidationError(
            {"cleared_at": [_("The clearance cannot be earlier than the transmission.")]}
        )
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=shipment,
        changes={"status": ShipmentStatus.CLEARED, "cleared_at": when},
        verb="shipment.cleared",
        expected_version=expected_version,
    )


@transaction.atomic(durable=True)
def shipment_cancel(*, actor: Actor, shipment, reason, expected_version=None):
    require_same_organization(actor.membership, shipment)
    require_record_at(actor.membership, shipment.site)
    _require_status(
        shipment,
        {ShipmentStatus.OPEN, ShipmentStatus.TRANSMITTED},
        _("This shipment cannot be cancelled: its status is “%(status)s”.")
        % {"status": shipment.get_status_display()},
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the shipment is cancelled.")]})
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=shipment,
        changes={"status": ShipmentStatus.CANCELLED, "cancelled_reason": reason[:300]},
        verb="shipment.cancelled",
        expected_version=expected_version,
    )
