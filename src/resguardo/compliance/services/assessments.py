"""Writes for assessments: start (optionally from a previous one), edit, freeze."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from resguardo.core.actors import Actor
from resguardo.core.exceptions import FrozenRecordError
from resguardo.core.permissions import (
    Perm,
    require_own_site,
    require_perm,
    require_same_organization,
)
from resguardo.core.writes import create_audited, update_audited
from resguardo.standards.models import RequirementNode

from ..choices import AssessmentStatus, Result
from ..models import Assessment, AssessmentSnapshot, RequirementResult, ResultEvidence
from .common import lock_editable
from .readiness import readiness_record

COPIED_FIELDS = ("result", "score", "answer", "justification", "comments", "owner_id")
EDITABLE_FIELDS = ("name", "description", "due_date", "status")


def _check_flags(library, flags) -> list[str]:
    known = {flag["key"] for flag in library.applicability_flags or []}
    unknown = sorted(set(flags) - known)
    if unknown:
        raise ValidationError(
            {"flags": _("Unknown applicability flags: %(flags)s.") % {"flags": ", ".join(unknown)}}
        )
    return sorted(set(flags))


def applicable_nodes(library, flags) -> list[dict]:
    """The assessable requirements that apply with these flags, in library order, each with
    the id of its top-level ancestor (`section`). One query over lean columns.

    Same rule as `standards.selectors.assessable_nodes` (every `applies_if` flag is on); read
    here as plain values because creating a 1,209-requirement assessment must stay fast.
    """
    rows = list(
        RequirementNode.objects.filter(library=library)
        .order_by("order")
        .values_list("id", "parent_id", "ref_id", "order", "weight", "assessable", "applies_if")
    )
    parents = {row[0]: row[1] for row in rows}
    flags = set(flags)
    nodes = []
    for node_id, _parent, ref_id, order, weight, assessable, applies_if in rows:
        if not assessable or not set(applies_if or ()) <= flags:
            continue
        top = node_id
        while parents.get(top) is not None:
            top = parents[top]
        nodes.append(
            {"id": node_id, "ref_id": ref_id, "order": order, "weight": weight, "section": top}
        )
    return nodes


def _previous_answers(previous) -> tuple[dict, dict]:
    """ref_id → answer fields, ref_id → evidence ids, of the assessment started from.

    Matched by ref_id so a new version of the same framework takes over what still applies.
    """
    answers = {
        row["node__ref_id"]: row
        for row in RequirementResult.objects.filter(assessment=previous).values(
            "node__ref_id", *COPIED_FIELDS
        )
    }
    evidence: dict[str, list[int]] = {}
    for ref_id, evidence_id in ResultEvidence.objects.filter(
        result__assessment=previous
    ).values_list("result__node__ref_id", "evidence_id"):
        evidence.setdefault(ref_id, []).append(evidence_id)
    return answers, evidence


@transaction.atomic(durable=True)
def assessment_create(
    *,
    actor: Actor,
    library,
    name,
    site=None,
    flags=(),
    previous=None,
    description="",
    due_date=None,
) -> Assessment:
    """Start an assessment with one result per assessable requirement that applies.

    From a previous assessment, the answers, owners and evidence links are copied and the
    reviews are reset, so everything is read again before a new sign-off.
    """
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    organization = actor.organization
    require_own_site(actor.membership, site)
    require_same_organization(actor.membership, previous, field="previous")
    flags = _check_flags(library, flags)
    first = not has_current_assessment(organization=organization, library=library, site=site)
    assessment = create_audited(
        actor=actor,
        organization=organization,
        instance=Assessment(
            organization=organization,
            name=name.strip(),
            library=library,
            site=site,
            flags=flags,
            description=description,
            due_date=due_date,
            previous=previous,
            created_by=actor.user,
            # The first assessment of a framework is the current one from the start; a later
            # draft waits until it is frozen or marked current (assessment_mark_current).
            marked_current_at=timezone.now() if first else None,
        ),
    )
    nodes = applicable_nodes(library, flags)
    answers, evidence = _previous_answers(previous) if previous else ({}, {})
    _insert_results(assessment, nodes, answers)
    if evidence:
        _copy_evidence_links(assessment, evidence, actor)
    readiness_record(assessment)
    return assessment


def has_current_assessment(*, organization, library, site) -> bool:
    """Whether this framework already has a current assessment in this scope."""
    return (
        Assessment.objects.filter(
            organization=organization, library__framework_id=library.framework_id, site=site
        )
        .filter(Q(frozen_at__isnull=False) | Q(marked_current_at__isnull=False))
        .exists()
    )


@transaction.atomic(durable=True)
def assessment_mark_current(*, actor: Actor, assessment, expected_version=None):
    """Make this assessment the one readiness and the trend are read from (until another one
    is frozen or marked). Signing off decides what the organization reports, so APPROVE."""
    require_perm(actor.membership, Perm.APPROVE)
    require_same_organization(actor.membership, assessment, field="assessment")
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=locked,
        changes={"marked_current_at": timezone.now()},
        expected_version=expected_version if expected_version is not None else assessment.version,
    )


RESULT_COLUMNS = (
    "created_at", "updated_at", "organization_id", "version", "assessment_id", "node_id",
    "section_id", "order", "weight", "result", "score", "answer", "justification", "comments",
    "owner_id",
)  # fmt: skip


def _insert_results(assessment, nodes, answers) -> None:
    """One INSERT executed for every row (executemany): a thousand results in milliseconds.

    Written without the ORM's per-object work on purpose; the columns are the model's own and
    the values are the defaults a new result has (or the answers copied from the previous
    assessment). No audit entry per result: the assessment's creation entry covers them.
    """
    now = timezone.now()
    model = RequirementResult._meta
    columns = ", ".join(connection.ops.quote_name(model.get_field(c.removesuffix("_id")).column)
                        for c in RESULT_COLUMNS)  # fmt: skip
    # Identifiers come from the model's own metadata, quoted; every value is a parameter.
    table = connection.ops.quote_name(model.db_table)
    placeholders = ", ".join(["%s"] * len(RESULT_COLUMNS))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    rows = []
    for node in nodes:
        copied = answers.get(node["ref_id"], {})
        rows.append((
            now, now, assessment.organization_id, 1, assessment.pk, node["id"],
            node["section"], node["order"], node["weight"],
            copied.get("result", Result.NOT_ASSESSED), copied.get("score"),
            copied.get("answer", ""), copied.get("justification", ""),
            copied.get("comments", ""), copied.get("owner_id"),
        ))  # fmt: skip
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _copy_evidence_links(assessment, evidence, actor):
    ids = dict(
        RequirementResult.objects.filter(assessment=assessment).values_list("node__ref_id", "id")
    )
    links = [
        ResultEvidence(
            organization_id=assessment.organization_id,
            result_id=ids[ref_id],
            evidence_id=evidence_id,
            linked_by=actor.user,
        )
        for ref_id, evidence_ids in evidence.items()
        if ref_id in ids
        for evidence_id in evidence_ids
    ]
    ResultEvidence.objects.bulk_create(links, batch_size=500)


@transaction.atomic(durable=True)
def assessment_update(*, actor: Actor, assessment, expected_version=None, **changes):
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, assessment, field="assessment")
    locked = lock_editable(assessment.pk)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    if changes.get("status") == AssessmentStatus.FROZEN:
        raise ValidationError(
            {"status": _("Freeze an assessment with the sign-off, not by editing it.")}
        )
    if "name" in changes:
        changes["name"] = changes["name"].strip()
    return update_audited(
        actor=actor,
        organization=actor.organization,
        instance=locked,
        changes=changes,
        expected_version=expected_version if expected_version is not None else assessment.version,
    )


def canonical_hash(content: dict) -> str:
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@transaction.atomic(durable=True)
def assessment_freeze(*, actor: Actor, assessment, statement="", expected_version=None):
    """Sign off a finished assessment: store an immutable snapshot and its SHA-256.

    Refused while any requirement is not assessed. After this, no path may change the
    assessment or its results (every results service calls `lock_editable`).
    """
    from ..selectors.reports import snapshot_content

    require_perm(actor.membership, Perm.APPROVE)
    require_same_organization(actor.membership, assessment, field="assessment")
    try:
        locked = lock_editable(assessment.pk)
    except FrozenRecordError:
        raise FrozenRecordError(_("This assessment is already frozen.")) from None
    pending = RequirementResult.objects.filter(
        assessment=locked, result=Result.NOT_ASSESSED
    ).count()
    if pending:
        raise ValidationError(
            ngettext(
                "%(count)s requirement is still not assessed. Answer every requirement "
                "(or mark it not applicable, with a justification) before signing off.",
                "%(count)s requirements are still not assessed. Answer every requirement "
                "(or mark it not applicable, with a justification) before signing off.",
                pending,
            )
            % {"count": pending},
            code="incomplete",
        )
    now = timezone.now()
    content = snapshot_content(locked, signed_by=actor.user, signed_at=now, statement=statement)
    digest = canonical_hash(content)
    create_audited(
        actor=actor,
        organization=actor.organization,
        verb="assessment.signed",
        instance=AssessmentSnapshot(
            organization=actor.organization,
            assessment=locked,
            content=content,
            sha256=digest,
            signed_by=actor.user,
            signed_at=now,
            statement=statement,
        ),
    )
    frozen = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=locked,
        changes={
            "status": AssessmentStatus.FROZEN,
            "frozen_at": now,
            "frozen_by": actor.user,
            "snapshot_sha256": digest,
        },
        verb="assessment.frozen",
        expected_version=expected_version if expected_version is not None else assessment.version,
    )
    readiness_record(frozen)
    return frozen
