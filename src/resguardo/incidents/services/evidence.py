"""Evidence with its chain of custody: who added each file, its SHA-256, and every viewing."""

from django.db import transaction
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.files import EVIDENCE, atomic_with_files, inspect_upload, store_upload
from resguardo.core.writes import create_audited

from ..access import require_not_closed, require_work_on
from ..choices import TimelineKind
from ..models import Evidence, EvidenceView, Incident
from .common import timeline_add


@atomic_with_files
def evidence_add(*, actor: Actor, incident: Incident, file, description: str = "") -> Evidence:
    require_work_on(actor.membership, incident)
    require_not_closed(incident)
    inspected = inspect_upload(file, kind=EVIDENCE, field="file")
    evidence = Evidence(
        organization=incident.organization,
        incident=incident,
        description=(description or "").strip()[:300],
        added_by=actor.user,
    )
    store_upload(evidence, file, inspected)
    create_audited(
        actor=actor.user,
        organization=incident.organization,
        instance=evidence,
        verb="incident.evidence_added",
        data={"file": evidence.original_name, "sha256": evidence.sha256},
    )
    timeline_add(
        actor=actor,
        incident=incident,
        kind=TimelineKind.EVIDENCE,
        text=_("Evidence added: %(name)s (SHA-256 %(hash)s)")
        % {"name": evidence.original_name, "hash": evidence.sha256[:16] + "…"},
    )
    return evidence


@transaction.atomic
def evidence_view_record(*, actor: Actor, evidence: Evidence) -> EvidenceView:
    """Called by every download of a piece of evidence, before the file is sent."""
    return EvidenceView.objects.create(
        organization=evidence.organization, evidence=evidence, viewer=actor.user
    )
