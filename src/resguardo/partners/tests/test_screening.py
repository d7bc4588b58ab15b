"""Screening on creation, on change and on a new list version; decisions and blocking."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from resguardo.core.actors import Actor
from resguardo.core.events import subscribe

from .. import services
from ..choices import (
    HitStatus,
    MatchKind,
    PartnerStatus,
    ScreeningTrigger,
    Verdict,
    WatchlistSource,
)
from ..events import PartnerBlocked
from ..models import Partner, ScreeningHit, ScreeningRun
from .factories import create_partner, import_fixture


def test_a_new_partner_is_screened_by_rfc(world):
    import_fixture()
    partner = create_partner(world, legal_name="Fénix Logística", rfc="LFE0805123A3")
    hit = partner.hits.get()
    assert (hit.match_kind, hit.score, hit.status) == (MatchKind.RFC, 100, HitStatus.OPEN)
    assert hit.matched_name == "LOGÍSTICA FÉNIX, S.A. DE C.V."
    assert partner.last_screened_at is not None
    assert partner.risk_level == "high"
    assert any(f["code"] == "watchlist_open_hits" for f in partner.risk_factors)
    assert ScreeningRun.objects.get(organization=world.org).trigger == ScreeningTrigger.CREATED


def test_a_similar_name_is_a_hit_with_its_score(world):
    import_fixture()
    partner = create_partner(world, legal_name="Transportes del Norte Alamo SA de CV")
    hit = partner.hits.get()
    assert hit.match_kind == MatchKind.NAME and hit.score == 100
    assert hit.entry.status == "Presunto"


def test_entries_that_cleared_their_name_raise_no_blocking_hit(world):
    import_fixture()
    partner = create_partner(world, legal_name="Distribuidora Industrial del Sureste, S.A. de C.V.")
    hit = partner.hits.get()  # 69-B "Desvirtuado": shown, for information only
    assert hit.informative and hit.status == HitStatus.INFORMATIVE
    assert not any(f["code"].startswith("watchlist") for f in partner.risk_factors)


def test_a_change_of_name_screens_again(world, carla_membership):
    import_fixture()
    partner = create_partner(world, legal_name="Almacenes Tranquilos, S.A. de C.V.")
    assert not partner.hits.exists()
    services.partner_update(
        actor=Actor.for_member(carla_membership),
        partner=partner,
        legal_name="Comercial Bravo y Asociados, S.C.",
    )
    assert partner.hits.get().matched_name.startswith("COMERCIAL BRAVO")


def test_a_new_list_version_screens_every_organization(world, django_capture_on_commit_callbacks):
    partner = create_partner(world, legal_name="Huracán Logístico SAPI de CV")
    other = services.partner_create(
        actor=world.actor(world.oscar),
        kind="carrier",
        legal_name="Huracan Logistico, S.A. de C.V.",
        rfc="HLO0101014A4",
    )
    with django_capture_on_commit_callbacks(execute=True):
        import_fixture(name="sat_69b_v2.csv")
    assert partner.hits.get().organization == world.org
    assert other.hits.get().organization == world.other_org
    assert ScreeningRun.objects.filter(trigger=ScreeningTrigger.LIST_UPDATE).count() == 2


def test_a_decision_is_remembered_across_list_versions(
    world, carla_membership, django_capture_on_commit_callbacks
):
    import_fixture()
    partner = create_partner(world, legal_name="Comercial Bravo Asociados")
    hit = partner.hits.get()
    services.hit_decide(
        actor=Actor.for_member(carla_membership),
        hit=hit,
        verdict=Verdict.FALSE_POSITIVE,
        reason="Different RFC and address in Tijuana.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        version = import_fixture(name="sat_69b_v2.csv")
    hit.refresh_from_db()
    assert hit.list_version == version and hit.is_current
    assert hit.status == HitStatus.FALSE_POSITIVE
    assert not ScreeningHit.objects.filter(organization=world.org, decision__isnull=True).exists()


def test_a_delisted_entry_is_no_longer_current(world, django_capture_on_commit_callbacks):
    import_fixture()
    partner = create_partner(world, legal_name="Logistica Fenix")
    with django_capture_on_commit_callbacks(execute=True):
        import_fixture(name="sat_69b_v2.csv")
    hit = partner.hits.get()
    assert not hit.is_current


def test_a_false_positive_on_a_name_does_not_cover_a_later_rfc_match(world, carla_membership):
    import_fixture()
    partner = create_partner(world, legal_name="Logistica Fenix")
    hit = partner.hits.get()
    services.hit_decide(
        actor=Actor.for_member(carla_membership),
        hit=hit,
        verdict=Verdict.FALSE_POSITIVE,
        reason="Only the name is alike.",
    )
    services.partner_update(
        actor=Actor.for_member(carla_membership),
        partner=Partner.objects.get(pk=partner.pk),
        rfc="LFE0805123A3",
    )
    hit.refresh_from_db()
    assert hit.match_kind == MatchKind.RFC and hit.status == HitStatus.OPEN


def test_a_true_match_blocks_alerts_and_publishes(
    world, carla_membership, django_capture_on_commit_callbacks
):
    import_fixture()
    received = []
    subscribe(PartnerBlocked, received.append)
    partner = create_partner(world, legal_name="Fénix", rfc="LFE0805123A3")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.hit_decide(
            actor=Actor.for_member(carla_membership),
            hit=partner.hits.get(),
            verdict=Verdict.TRUE_MATCH,
            reason="Same RFC on the 69-B list, Definitivo.",
        )
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.BLOCKED and partner.is_blocked
    assert partner.risk_score == 100
    assert [e.partner_id for e in received if isinstance(e, PartnerBlocked)] == [partner.pk]
    assert [m.to for m in mail.outbox] == [["carla@norte.example.mx"]]
    assert "Fénix" in mail.outbox[0].subject and "LFE0805123A3" in mail.outbox[0].body
    with pytest.raises(ValidationError, match="blocked"):
        services.partner_update(
            actor=Actor.for_member(carla_membership),
            partner=partner,
            status=PartnerStatus.ACTIVE,
        )


def test_marking_the_match_a_false_positive_lifts_the_block(world, carla_membership):
    import_fixture()
    partner = create_partner(
        world, legal_name="Fénix", rfc="LFE0805123A3", status=PartnerStatus.PROSPECT
    )
    hit = partner.hits.get()
    services.hit_decide(
        actor=Actor.for_member(carla_membership),
        hit=hit,
        verdict=Verdict.TRUE_MATCH,
        reason="Looked like the same company.",
    )
    services.hit_decide(
        actor=Actor.for_member(carla_membership),
        hit=hit,
        verdict=Verdict.FALSE_POSITIVE,
        reason="SAT confirmed a homonym, RFC typo.",
    )
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.PROSPECT and partner.blocked_at is None
    assert hit.__class__.objects.get(pk=hit.pk).status == HitStatus.FALSE_POSITIVE


def test_decisions_need_a_reason_and_the_right_role(world):
    import_fixture()
    partner = create_partner(world, legal_name="Fénix", rfc="LFE0805123A3")
    hit = partner.hits.get()
    with pytest.raises(ValidationError, match="reason"):
        services.hit_decide(
            actor=world.actor(world.carla),
            hit=hit,
            verdict=Verdict.TRUE_MATCH,
            reason="ok",
        )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.hit_decide(
            actor=world.actor(world.sofia),
            hit=hit,
            verdict=Verdict.TRUE_MATCH,
            reason="I think it is the same one.",
        )
    with pytest.raises(ValidationError):
        services.hit_decide(
            actor=world.actor(world.oscar),
            hit=hit,
            verdict=Verdict.FALSE_POSITIVE,
            reason="Not ours to decide at all.",
        )


def test_ofac_alias_and_rfc_in_remarks(world):
    import_fixture(WatchlistSource.OFAC_SDN, "sdn.csv", "alt.csv")
    by_alias = create_partner(world, legal_name="Estrella del Golfo Comercial, S.A. de C.V.")
    assert by_alias.hits.get().match_kind == MatchKind.ALIAS
    vessel_name = create_partner(world, legal_name="Sea Phoenix")
    assert not vessel_name.hits.exists()  # vessels are not matched by name


def test_screening_queries_stay_flat(world, django_assert_max_num_queries):
    import_fixture()
    for n in range(30):
        create_partner(world, legal_name=f"Cliente Tranquilo Número {n}")
    services.screen_partners(actor=Actor.system(world.org), trigger=ScreeningTrigger.MANUAL)
    with django_assert_max_num_queries(40):
        services.screen_partners(actor=Actor.system(world.org), trigger=ScreeningTrigger.MANUAL)


def test_a_blocked_partner_is_refused_as_counterparty_until_the_block_is_lifted(
    world, carla_membership
):
    from resguardo.core.counterparties import counterparty_block_reason

    import_fixture()
    partner = create_partner(world, legal_name="Fénix", rfc="LFE0805123A3")
    assert counterparty_block_reason(organization=world.org, rfc="LFE0805123A3") is None
    hit = partner.hits.get()
    services.hit_decide(
        actor=Actor.for_member(carla_membership),
        hit=hit,
        verdict=Verdict.TRUE_MATCH,
        reason="Same RFC on the 69-B list, Definitivo.",
    )
    reason = counterparty_block_reason(organization=world.org, rfc="lfe080512-3a3")
    assert "Fénix" in reason and "blocked" in reason
    # Another organization's operations are not affected by Norte's decision.
    assert counterparty_block_reason(organization=world.other_org, rfc="LFE0805123A3") is None
    services.hit_decide(
        actor=Actor.for_member(carla_membership),
        hit=hit,
        verdict=Verdict.FALSE_POSITIVE,
        reason="SAT confirmed a homonym.",
    )
    assert counterparty_block_reason(organization=world.org, rfc="LFE0805123A3") is None
