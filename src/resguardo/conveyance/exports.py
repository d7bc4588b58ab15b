"""The seal log and the inspections for a date range, as an authority inspector asks for
them. Rows are produced from database iterators, never a whole range in memory."""

from django.utils.translation import gettext as _

from resguardo.core.exports import export_response
from resguardo.core.identifiers import format_pedimento

from .choices import (
    Checkpoint,
    InspectionStatus,
    RemovalReason,
    ReplacementReason,
    SealEventKind,
    SupervisorDecision,
    VoidReason,
)
from .models import InspectionPointResult

CHUNK = 2000


def _labels(choices) -> dict:
    """Choice labels translated once per export (get_FOO_display per row costs more than
    reading the row)."""
    return {value: str(label) for value, label in choices.choices}


def _pass_fail() -> dict:
    return {None: "", True: _("pass"), False: _("fail")}


def seal_log_header() -> list:
    return [
        _("Date and time"),
        _("Seal number"),
        _("Manufacturer"),
        _("ISO 17712 class"),
        _("Step"),
        _("Event"),
        _("Site"),
        _("Place"),
        _("Checkpoint"),
        _("Person"),
        _("Pedimento"),
        _("Container or trailer"),
        _("View"),
        _("Verify"),
        _("Tug"),
        _("Twist"),
        _("Number read"),
        _("Reason"),
        _("Reason for the replacement"),
        _("Related seal"),
        _("Act of the reconocimiento"),
        _("Witness"),
        _("Note"),
        _("Photo SHA-256"),
        _("Recorded by"),
        _("Recorded at"),
    ]


SEAL_LOG_FIELDS = (
    "occurred_at", "seal__number", "seal__lot__manufacturer", "seal__lot__iso_class",
    "sequence", "kind", "site__name", "place", "checkpoint", "person_name",
    "shipment__pedimento", "unit_number", "view_ok", "verify_ok", "tug_ok", "twist_ok",
    "number_read", "removal_reason", "void_reason", "replacement_reason",
    "related_seal__number", "document_number", "witness__first_name", "witness__last_name",
    "witness__email", "note", "sha256",
    "recorded_by__first_name", "recorded_by__last_name", "recorded_by__email", "created_at",
)  # fmt: skip


def _person(first, last, email) -> str:
    return f"{first} {last}".strip() or email


def seal_log_rows(events):
    """Plain values, not model objects: a long range is read quickly and in chunks."""
    kinds, checkpoints = _labels(SealEventKind), _labels(Checkpoint)
    reasons = {**_labels(RemovalReason), **_labels(VoidReason), "": ""}
    replacements = {**_labels(ReplacementReason), "": ""}
    result = _pass_fail()
    rows = events.order_by("occurred_at", "id").values_list(*SEAL_LOG_FIELDS)
    for (when, number, maker, iso_class, sequence, kind, site, place, checkpoint, person,
         pedimento, unit, view, verify, tug, twist, read, removal, void, replacement,
         related, act, w_first, w_last, w_email, note, sha, first, last, email,
         recorded) in rows.iterator(chunk_size=CHUNK):  # fmt: skip
        witness = _person(w_first or "", w_last or "", w_email or "")
        yield [
            when, number, maker or "", iso_class or "", sequence, kinds[kind], site, place,
            checkpoints.get(checkpoint, ""), person, format_pedimento(pedimento or ""), unit,
            result[view], result[verify], result[tug], result[twist], read,
            reasons[removal or void], replacements[replacement], related or "", act, witness,
            note, sha, _person(first, last, email), recorded,
        ]  # fmt: skip


def inspection_header() -> list:
    return [
        _("Inspection"),
        _("Inspected at"),
        _("Checklist"),
        _("Site"),
        _("Place"),
        _("Container or trailer"),
        _("Tractor plates"),
        _("Trailer plates"),
        _("Pedimento"),
        _("Inspector"),
        _("Signed by"),
        _("Status"),
        _("Supervisor"),
        _("Signed by the supervisor"),
        _("Reviewed at"),
        _("Decision"),
        _("Supervisor's note"),
        _("Point"),
        _("Point title"),
        _("Result"),
        _("Note"),
        _("Photo SHA-256"),
    ]


def inspection_rows(inspections):
    results = (
        InspectionPointResult.objects.filter(inspection__in=inspections.values("pk"))
        .select_related(
            "point",
            "inspection__site",
            "inspection__inspector",
            "inspection__reviewed_by",
            "inspection__shipment",
            "inspection__checklist",
        )
        .order_by("inspection__inspected_at", "inspection_id", "point__order")
    )
    statuses, decisions = _labels(InspectionStatus), {**_labels(SupervisorDecision), "": ""}
    result = _pass_fail()
    for r in results.iterator(chunk_size=CHUNK):
        i = r.inspection
        yield [
            i.pk, i.inspected_at, i.checklist.name, i.site.name, i.place, i.unit_number,
            i.tractor_plates, i.trailer_plates,
            i.shipment.pedimento_display if i.shipment_id else "",
            str(i.inspector), i.signed_name, statuses[i.status],
            str(i.reviewed_by) if i.reviewed_by_id else "", i.supervisor_signed_name,
            i.reviewed_at or "", decisions[i.decision],
            i.decision_note, r.code, r.point.title, result[r.passed], r.note, r.sha256,
        ]  # fmt: skip


def seal_log_export(export_format, events, label=""):
    return export_response(
        export_format, f"seal-log{label}", _("Seal log"), seal_log_header(), seal_log_rows(events)
    )


def inspection_export(export_format, inspections, label=""):
    return export_response(
        export_format,
        f"inspections{label}",
        _("Inspections"),
        inspection_header(),
        inspection_rows(inspections),
    )
