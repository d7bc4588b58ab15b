"""Seal audits: reconcile the physical count, the seal log and the shipment documents.

Findings:
- missing: in stock according to the log, not found in the count;
- unaccounted: counted but not in stock according to the log (or in no lot at all); issued
  days ago and neither applied nor returned; cited by shipment documents but not in the
  inventory;
- duplicated: counted twice, or cited by the documents of two shipments;
- document mismatch: applied to a shipment whose documents cite other numbers, or cited by
  a shipment's documents while the log has it elsewhere.
Seals reported lost or stolen at the site during the period are counted (and listed) on the
audit; one cited by a shipment's documents is a finding, since it must never be used.
Each finding becomes a discrepancy, unless the same seal already has an open one of that kind.
"""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.dates import local_date_text
from resguardo.core.identifiers import normalize_code
from resguardo.core.writes import create_audited
from resguardo.shipments.models import Shipment

from ..choices import MISSING_VOID_REASONS, DiscrepancyStatus, SealEventKind, SealStatus
from ..choices import DiscrepancyKind as Kind
from ..models import Seal, SealAudit, SealAuditFinding, SealDiscrepancy, SealEvent
from ..permissions import require_supervisor_at
from .discrepancies import discrepancy_record

ISSUED_TOO_LONG = datetime.timedelta(days=3)


def parse_counted(text_or_list) -> list[str]:
    if isinstance(text_or_list, str):
        parts = text_or_list.replace(",", " ").replace(";", " ").split()
    else:
        parts = list(text_or_list or [])
    return [normalize_code(p) for p in parts if normalize_code(p)]


class _Reconciler:
    def __init__(self, *, organization, site, counted: list[str], since: datetime.date):
        self.organization = organization
        self.site = site
        self.counted = counted
        self.since = since
        self.findings: list[dict] = []

    def add(self, kind, number, description, seal=None, shipment=None):
        self.findings.append(
            {
                "kind": kind,
                "seal_number": number,
                "description": description,
                "seal": seal,
                "shipment": shipment,
            }
        )

    def inventory(self) -> int:
        seals = Seal.objects.filter(organization=self.organization)
        in_stock = {s.number: s for s in seals.filter(site=self.site, status=SealStatus.IN_STOCK)}
        counts = defaultdict(int)
        for number in self.counted:
            counts[number] += 1
        for number, times in sorted(counts.items()):
            if times > 1:
                self.add(
                    Kind.DUPLICATED,
                    number,
                    _("Counted %(n)s times in the storage place.") % {"n": times},
                    seal=in_stock.get(number),
                )
        for number, seal in sorted(in_stock.items()):
            if number not in counts:
                self.add(
                    Kind.MISSING,
                    number,
                    _("In stock according to the log (%(place)s) but not found in the count.")
                    % {"place": seal.lot.storage_place},
                    seal=seal,
                )
        strays = [n for n in sorted(counts) if n not in in_stock]
        known = {s.number: s for s in seals.filter(number__in=strays).select_related("shipment")}
        for number in strays:
            seal = known.get(number)
            if seal is None:
                text = _("Found in the storage place but it is in no lot of your inventory.")
            else:
                text = _(
                    "Found in the storage place, but its status in the log is “%(status)s”."
                ) % {"status": seal.get_status_display()}
            self.add(Kind.UNACCOUNTED, number, text, seal=seal)
        cutoff = timezone.now() - ISSUED_TOO_LONG
        for seal in seals.filter(
            site=self.site, status=SealStatus.ISSUED, last_event_at__lt=cutoff
        ):
            self.add(
                Kind.UNACCOUNTED,
                seal.number,
                _("Issued to %(who)s on %(when)s and neither applied nor returned.")
                % {
                    "who": seal.holder_name,
                    "when": local_date_text(seal.last_event_at),
                },
                seal=seal,
            )
        return len(in_stock)

    def documents(self) -> None:
        shipments = Shipment.objects.filter(
            Q(site=self.site) | Q(seals__site=self.site),
            organization=self.organization,
            operation_date__gte=self.since,
        ).distinct()
        cited = defaultdict(list)
        applied = defaultdict(set)
        for seal in Seal.objects.filter(
            organization=self.organization,
            site=self.site,
            shipment__operation_date__gte=self.since,
            placed_by_customs=False,  # in the act of the reconocimiento, not in the documents
        ):
            applied[seal.shipment_id].add(seal.number)
        seals_by_number = {}
        for shipment in shipments:
            for number in shipment.document_seal_numbers or []:
                cited[number].append(shipment)
        if cited:
            seals_by_number = {
                s.number: s
                for s in Seal.objects.filter(
                    organization=self.organization, number__in=list(cited)
                ).select_related("shipment")
            }
        for number, where in sorted(cited.items()):
            if len(where) > 1:
                self.add(
                    Kind.DUPLICATED,
                    number,
                    _("Cited by the documents of %(n)s shipments: %(list)s.")
                    % {"n": len(where), "list": ", ".join(s.pedimento_display for s in where)},
                    seal=seals_by_number.get(number),
                    shipment=where[0],
                )
            seal = seals_by_number.get(number)
            for shipment in where:
                if seal is not None and seal.status == SealStatus.VOIDED:
                    self.add(
                        Kind.UNACCOUNTED,
                        number,
                        _(
                            "Cited by the documents of pedimento %(p)s, but it was voided "
                            "(lost, stolen or damaged) and must never be used."
                        )
                        % {"p": shipment.pedimento_display},
                        seal=seal,
                        shipment=shipment,
                    )
                elif seal is None:
                    self.add(
                        Kind.UNACCOUNTED,
                        number,
                        _("Cited by the documents of pedimento %(p)s but not in your inventory.")
                        % {"p": shipment.pedimento_display},
                        shipment=shipment,
                    )
                elif seal.shipment_id not in (None, shipment.pk):
                    self.add(
                        Kind.DOCUMENT_MISMATCH,
                        number,
                        _(
                            "Cited by the documents of pedimento %(p)s, but the log has it on "
                            "pedimento %(other)s."
                        )
                        % {
                            "p": shipment.pedimento_display,
                            "other": seal.shipment.pedimento_display,
                        },
                        seal=seal,
                        shipment=shipment,
                    )
        for shipment in shipments:
            documents = set(shipment.document_seal_numbers or [])
            for number in sorted(applied.get(shipment.pk, ())):
                if documents and number not in documents:
                    self.add(
                        Kind.DOCUMENT_MISMATCH,
                        number,
                        _("Applied to pedimento %(p)s, whose documents cite %(docs)s.")
                        % {"p": shipment.pedimento_display, "docs": ", ".join(sorted(documents))},
                        seal=seals_by_number.get(number),
                        shipment=shipment,
                    )


def reported_missing(*, organization, site, since) -> list[str]:
    """Numbers of the site's seals reported lost or stolen since the date, oldest first."""
    events = SealEvent.objects.filter(
        organization=organization,
        site=site,
        kind=SealEventKind.VOIDED,
        void_reason__in=MISSING_VOID_REASONS,
        occurred_at__date__gte=since,
    ).order_by("occurred_at", "id")
    return list(dict.fromkeys(events.values_list("seal__number", flat=True)))


def _open_discrepancy(organization, finding):
    existing = SealDiscrepancy.objects.filter(
        organization=organization, kind=finding["kind"], status=DiscrepancyStatus.OPEN
    )
    if finding["seal"] is not None:
        return existing.filter(seal=finding["seal"]).first()
    return existing.filter(seal__isnull=True, seal_number=finding["seal_number"]).first()


@transaction.atomic(durable=True)
def seal_audit_run(
    *, actor: Actor, site, counted_numbers, period_start=None, performed_at=None, note=""
) -> SealAudit:
    require_supervisor_at(actor.membership, site)
    organization = actor.organization
    performed_at = performed_at or timezone.now()
    if performed_at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError({"performed_at": [_("The time is in the future.")]})
    since = period_start or (timezone.localdate() - datetime.timedelta(days=90))
    counted = parse_counted(counted_numbers)
    reconciler = _Reconciler(organization=organization, site=site, counted=counted, since=since)
    expected = reconciler.inventory()
    reconciler.documents()
    kinds = [f["kind"] for f in reconciler.findings]
    lost = reported_missing(organization=organization, site=site, since=since)
    audit = create_audited(
        actor=actor,
        organization=organization,
        verb="seal_audit.performed",
        instance=SealAudit(
            organization=organization,
            site=site,
            performed_by=actor.user,
            performed_at=performed_at,
            period_start=since,
            counted_numbers=counted,
            expected_in_stock=expected,
            counted=len(counted),
            missing_count=kinds.count(Kind.MISSING),
            duplicated_count=kinds.count(Kind.DUPLICATED),
            unaccounted_count=kinds.count(Kind.UNACCOUNTED),
            mismatch_count=kinds.count(Kind.DOCUMENT_MISMATCH),
            lost_count=len(lost),
            lost_numbers=lost,
            note=(note or "").strip(),
        ),
    )
    for finding in reconciler.findings:
        discrepancy = _open_discrepancy(organization, finding)
        if discrepancy is None:
            discrepancy = discrepancy_record(
                actor=actor,
                organization=organization,
                kind=finding["kind"],
                description=finding["description"],
                site=site,
                occurred_at=performed_at,
                seal=finding["seal"],
                seal_number=finding["seal_number"],
                shipment=finding["shipment"],
                audit=audit,
            )
        # Findings are part of the audit record (its audit-log entry carries the counts);
        # each one points at the discrepancy that carries its own audit-log entry.
        SealAuditFinding.objects.create(
            organization=organization, audit=audit, discrepancy=discrepancy, **finding
        )
    return audit
