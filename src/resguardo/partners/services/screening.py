"""Screening partners against the current list versions, and reviewers' decisions on hits."""

import threading

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.events import publish
from resguardo.core.models import Organization
from resguardo.core.permissions import Perm, require_perm, require_same_organization
from resguardo.core.writes import (
    clean_in_memory,
    create_audited,
    create_audited_many,
    update_audited,
)

from ..choices import EntityType, MatchKind, PartnerStatus, ScreeningTrigger, Verdict
from ..events import PartnerBlocked, PartnerUnblocked
from ..models import (
    ListEntry,
    ListEntryName,
    ListVersion,
    Partner,
    ScreeningDecision,
    ScreeningHit,
    ScreeningRun,
)
from ..watchlists.matcher import IndexedEntry, NameMatch, WatchlistIndex
from .common import policy_for
from .standing import partner_refresh_standing, partners_refresh_standing

_cache_lock = threading.Lock()
_cache: dict = {"key": None, "index": None}
NOT_NAME_MATCHED = frozenset({EntityType.VESSEL, EntityType.AIRCRAFT})
UPDATE_BATCH = 900


def current_versions() -> list[ListVersion]:
    return list(ListVersion.objects.filter(is_current=True).order_by("source"))


def _build_index(version_ids: list[int]) -> WatchlistIndex:
    entries: list[IndexedEntry] = []
    positions: dict[int, int] = {}
    names = []
    # Entries the SAT cleared (69-B Desvirtuado, Sentencia favorable) are matched too, as
    # informative hits that neither block the partner nor raise its risk.
    rows = ListEntry.objects.filter(version_id__in=version_ids).values_list(
        "pk",
        "version_id",
        "source",
        "entry_key",
        "name",
        "normalized",
        "rfcs",
        "entity_type",
        "is_adverse",
    )
    for pk, version_id, source, key, name, normalized, rfcs, entity, adverse in rows.iterator(5000):
        position = len(entries)
        entries.append(
            IndexedEntry(
                pk, version_id, source, key, name, tuple(rfcs.split()), informative=not adverse
            )
        )
        if entity not in NOT_NAME_MATCHED:
            positions[pk] = position
            names.append((position, name, normalized, False))
    aliases = ListEntryName.objects.filter(version_id__in=version_ids).values_list(
        "entry_id", "name", "normalized"
    )
    for entry_id, name, normalized in aliases.iterator(chunk_size=10000):
        if entry_id in positions:
            names.append((positions[entry_id], name, normalized, True))
    return WatchlistIndex(entries, names)


def current_index(versions: list[ListVersion] | None = None) -> WatchlistIndex:
    """The matcher for the current versions, built once per process and set of versions."""
    versions = current_versions() if versions is None else versions
    key = tuple((v.pk, v.sha256, v.imported_at.isoformat()) for v in versions)
    with _cache_lock:
        if _cache["key"] != key:
            _cache["index"] = _build_index([v.pk for v in versions])
            _cache["key"] = key
        return _cache["index"]


def _latest_decisions(organization, partner_ids) -> dict:
    decisions = {}
    queryset = ScreeningDecision.objects.filter(organization=organization).order_by(
        "decided_at", "pk"
    )
    if partner_ids is not None:
        queryset = queryset.filter(partner_id__in=partner_ids)
    for decision in queryset:
        decisions[(decision.partner_id, decision.source, decision.entry_key)] = decision
    return decisions


def _remembered(decision, match: NameMatch):
    """A decision made on a name match does not cover a later exact RFC match."""
    if decision is None:
        return None
    if (
        match.is_rfc
        and decision.match_kind != MatchKind.RFC
        and decision.verdict == Verdict.FALSE_POSITIVE
    ):
        return None
    return decision


def _match_kind(match: NameMatch) -> str:
    if match.is_rfc:
        return MatchKind.RFC
    return MatchKind.ALIAS if match.is_alias else MatchKind.NAME


class _PartnerScreening:
    """Applies one partner's matches to its stored hits."""

    def __init__(self, *, actor, organization, now, decisions):
        self.actor, self.organization, self.now, self.decisions = (
            actor,
            organization,
            now,
            decisions,
        )
        self.hit_count = self.new_hits = 0
        self.changed_partner_ids: set[int] = set()
        self.found: list[ScreeningHit] = []  # written in bulk by `save_found`

    def apply(self, partner_id, matches, existing: dict):
        seen = set()
        for match in matches:
            key = (match.entry.source, match.entry.entry_key)
            seen.add(key)
            self.hit_count += 1
            hit = existing.get(key)
            if hit is None:
                self._create(partner_id, match)
            else:
                self._refresh(hit, match)
        for key, hit in existing.items():
            if key not in seen and hit.is_current:
                update_audited(
                    actor=self.actor,
                    organization=self.organization,
                    instance=hit,
                    changes={"is_current": False},
                )
                self.changed_partner_ids.add(partner_id)

    def _create(self, partner_id, match):
        decision = _remembered(
            self.decisions.get((partner_id, match.entry.source, match.entry.entry_key)), match
        )
        self.found.append(
            ScreeningHit(
                organization=self.organization,
                partner_id=partner_id,
                source=match.entry.source,
                entry_key=match.entry.entry_key,
                entry_id=match.entry.pk,
                list_version_id=match.entry.version_id,
                match_kind=_match_kind(match),
                score=match.score,
                matched_name=match.matched_name[:500],
                partner_name=match.partner_name[:250],
                informative=match.entry.informative,
                explanation=match.explanation.as_dict(),
                first_seen_at=self.now,
                last_seen_at=self.now,
                decision=decision,
            )
        )
        self.new_hits += 1
        self.changed_partner_ids.add(partner_id)

    def save_found(self):
        """The matcher gives each entry once per partner, so the new hits are unique."""
        for hit in self.found:
            clean_in_memory(hit)
        create_audited_many(
            actor=self.actor,
            organization=self.organization,
            instances=self.found,
            verb="screening.hit_found",
        )

    def _refresh(self, hit, match):
        decision = _remembered(hit.decision, match) if hit.decision_id else None
        material = {
            "is_current": True,
            "decision": decision,
            "informative": match.entry.informative,
        }
        if any(getattr(hit, name) != value for name, value in material.items()):
            update_audited(
                actor=self.actor, organization=self.organization, instance=hit, changes=material
            )
            self.changed_partner_ids.add(hit.partner_id)
        ScreeningHit.objects.filter(pk=hit.pk).update(
            entry_id=match.entry.pk,
            list_version_id=match.entry.version_id,
            match_kind=_match_kind(match),
            score=match.score,
            matched_name=match.matched_name[:500],
            partner_name=match.partner_name[:250],
            explanation=match.explanation.as_dict(),
            last_seen_at=self.now,
        )


def screen_partners(*, actor: Actor, trigger, partners=None) -> ScreeningRun | None:
    """Screen the given partners (default: all but inactive ones) of the actor's organization
    against the current versions (`Actor.system(organization)` when no person asked).
    Returns the run, or None when no list has been imported yet."""
    organization = actor.organization
    versions = current_versions()
    if not versions:
        return None
    index = current_index(versions)
    threshold = policy_for(organization).name_match_threshold
    if partners is None:
        rows = list(
            Partner.objects.filter(organization=organization)
            .exclude(status=PartnerStatus.INACTIVE)
            .values_list("pk", "legal_name", "trade_name", "rfc")
        )
        partner_ids = None
    else:
        rows = [(p.pk, p.legal_name, p.trade_name, p.rfc) for p in partners]
        partner_ids = [p.pk for p in partners]
    with transaction.atomic():
        return _run(organization, rows, partner_ids, index, versions, threshold, trigger, actor)


def _run(organization, rows, partner_ids, index, versions, threshold, trigger, actor):
    now = timezone.now()
    hits = ScreeningHit.objects.filter(organization=organization).select_related("decision")
    if partner_ids is not None:
        hits = hits.filter(partner_id__in=partner_ids)
    existing: dict[int, dict] = {}
    for hit in hits:
        existing.setdefault(hit.partner_id, {})[(hit.source, hit.entry_key)] = hit
    work = _PartnerScreening(
        actor=actor,
        organization=organization,
        now=now,
        decisions=_latest_decisions(organization, partner_ids),
    )
    for pk, legal_name, trade_name, rfc in rows:
        matches = index.match_partner(names=[legal_name, trade_name], rfc=rfc)
        matches = [m for m in matches if m.is_rfc or m.score >= threshold]
        work.apply(pk, matches, existing.get(pk, {}))
    work.save_found()
    ids = [row[0] for row in rows]
    for start in range(0, len(ids), UPDATE_BATCH):
        Partner.objects.filter(pk__in=ids[start : start + UPDATE_BATCH]).update(
            last_screened_at=now
        )
    run = create_audited(
        actor=actor,
        organization=organization,
        verb="partners.screened",
        instance=ScreeningRun(
            organization=organization,
            trigger=trigger,
            started_at=now,
            finished_at=timezone.now(),
            partner_count=len(rows),
            hit_count=work.hit_count,
            new_hit_count=work.new_hits,
            actor=actor.user,
        ),
        m2m={"versions": versions},
    )
    partners_refresh_standing(actor=actor, partner_ids=work.changed_partner_ids)
    return run


def rescreen_all_organizations(*, trigger=ScreeningTrigger.LIST_UPDATE) -> list[ScreeningRun]:
    runs = []
    organization_ids = Partner.objects.values_list("organization_id", flat=True).distinct()
    for organization in Organization.objects.filter(pk__in=organization_ids):
        run = screen_partners(actor=Actor.system(organization), trigger=trigger)
        if run is not None:
            runs.append(run)
    return runs


@transaction.atomic(durable=True)
def partners_screen_now(*, actor: Actor, partner=None) -> ScreeningRun | None:
    """A user asks for a screening of one partner or of all of them."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    if partner is not None:
        require_same_organization(actor.membership, partner)
    if not ListVersion.objects.filter(is_current=True).exists():
        raise ValidationError(
            _("No list has been imported yet. Import or fetch the lists first."), code="no_lists"
        )
    return screen_partners(
        partners=[partner] if partner is not None else None,
        trigger=ScreeningTrigger.MANUAL,
        actor=actor,
    )


# --------------------------------------------------------------------------- decisions


@transaction.atomic(durable=True)
def hit_decide(*, actor: Actor, hit, verdict, reason) -> ScreeningHit:
    """Record a reviewer's verdict. A true match blocks the partner and alerts the
    compliance officers; a false positive lifts a block that no other match holds. An
    informative hit (an entry the SAT cleared) never blocks, whatever the verdict."""
    require_perm(actor.membership, Perm.MANAGE_COMPLIANCE)
    require_same_organization(actor.membership, hit)
    reason = (reason or "").strip()
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": _("Choose true match or false positive.")})
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Give the reason for the decision (at least a sentence).")},
            code="reason",
        )
    hit = ScreeningHit.objects.select_for_update().select_related("partner").get(pk=hit.pk)
    decision = create_audited(
        actor=actor,
        organization=actor.organization,
        verb=f"screening.{str(verdict)}",
        data={"partner": str(hit.partner), "name": hit.matched_name},
        instance=ScreeningDecision(
            organization=actor.organization,
            partner=hit.partner,
            source=hit.source,
            entry_key=hit.entry_key,
            verdict=verdict,
            reason=reason,
            match_kind=hit.match_kind,
            decided_by=actor.user,
        ),
    )
    hit = update_audited(
        actor=actor,
        organization=actor.organization,
        instance=hit,
        changes={"decision": decision},
    )
    partner = Partner.objects.select_for_update().get(pk=hit.partner_id)
    if verdict == Verdict.TRUE_MATCH and not hit.informative:
        _block(actor=actor, partner=partner, hit=hit)
    else:
        _maybe_unblock(actor=actor, partner=partner, hit=hit)
    partner.refresh_from_db()
    partner_refresh_standing(actor=actor, partner=partner)
    return hit


def _block(*, actor, partner, hit) -> None:
    if partner.status != PartnerStatus.BLOCKED:
        update_audited(
            actor=actor,
            organization=partner.organization,
            instance=partner,
            verb="partner.blocked",
            changes={
                "status": PartnerStatus.BLOCKED,
                "status_before_block": partner.status,
                "blocked_at": timezone.now(),
            },
        )
    publish(
        PartnerBlocked(
            organization_id=partner.organization_id,
            partner_id=partner.pk,
            partner_name=partner.legal_name,
            rfc=partner.rfc,
            source=hit.source,
            entry_key=hit.entry_key,
            matched_name=hit.matched_name,
            decided_by_id=getattr(actor, "pk", None),
        )
    )


def _maybe_unblock(*, actor, partner, hit) -> None:
    if partner.status != PartnerStatus.BLOCKED:
        return
    still_matched = (
        ScreeningHit.objects.filter(
            partner=partner, decision__verdict=Verdict.TRUE_MATCH, informative=False
        )
        .exclude(pk=hit.pk)
        .exists()
    )
    if still_matched:
        return
    update_audited(
        actor=actor,
        organization=partner.organization,
        instance=partner,
        verb="partner.unblocked",
        changes={
            "status": partner.status_before_block or PartnerStatus.ACTIVE,
            "status_before_block": "",
            "blocked_at": None,
        },
    )
    publish(
        PartnerUnblocked(
            organization_id=partner.organization_id,
            partner_id=partner.pk,
            partner_name=partner.legal_name,
            decided_by_id=getattr(actor, "pk", None),
        )
    )
