"""Access reviews: a revoked Resguardo member loses access on the next request; other
systems' accounts are marked revoked; the review is signed once everything is decided."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from resguardo.core.models import Membership

from .. import services
from ..choices import AccountStatus, Decision, ReviewStatus
from ..models import AccessReview
from .helpers import actor_of, signed_in

pytestmark = pytest.mark.django_db


def _builtin(world):
    return services.builtin_system_ensure(actor=actor_of(world, world.alice))


def test_revoking_a_member_in_a_signed_review_removes_their_access_at_once(world, api_for):
    sofia_page = signed_in(world.sofia)
    sofia_api = api_for(world.sofia)
    assert sofia_page.get("/").status_code == 200  # she works normally before the review
    assert sofia_api.get("/api/v1/sites/").status_code == 200
    alice = signed_in(world.alice)
    system = _builtin(world)

    response = alice.post(reverse("infosec:review_start", args=[system.pk]), {"notes": ""})
    review = AccessReview.objects.get(system=system)
    assert response.status_code == 302
    page = alice.get(reverse("infosec:review_detail", args=[review.pk])).content.decode()
    for persona in ("Alice", "Carla", "Sam", "Sofia", "Audrey"):
        assert persona in page  # every current member is listed
    assert "Oscar" not in page
    for item in review.items.select_related("membership"):
        if item.membership.user_id == world.sofia.pk:
            data = {"decision": Decision.REVOKE, "note": "Ya no trabaja en el patio"}
        else:
            data = {"decision": Decision.KEEP}
        alice.post(reverse("infosec:review_decide", args=[item.pk]), data)
    response = alice.post(
        reverse("infosec:review_sign", args=[review.pk]), {"version": review.version, "notes": ""}
    )
    assert response.status_code == 302

    review.refresh_from_db()
    assert review.status == ReviewStatus.SIGNED
    assert review.signed_by == world.alice and review.signed_at is not None
    assert not Membership.objects.get(user=world.sofia, organization=world.org).is_active
    # Her very next request is refused, on the pages and in the API.
    assert sofia_page.get("/").status_code == 403
    assert sofia_page.get("/shipments/").status_code == 403
    assert sofia_api.get("/api/v1/sites/").status_code == 403
    # Everyone kept keeps working.
    assert signed_in(world.sam).get("/").status_code == 200


def test_a_compliance_officer_cannot_sign_away_memberships_and_nothing_changes(world):
    carla = actor_of(world, world.carla)
    system = _builtin(world)
    review = services.review_start(actor=carla, system=system)
    for item in review.items.select_related("membership"):
        revoke = item.membership.user_id == world.sam.pk
        services.review_decide(
            actor=carla,
            item=item,
            decision=Decision.REVOKE if revoke else Decision.KEEP,
            note="Rotación" if revoke else "",
        )
    with pytest.raises(ValidationError, match="administrator must sign"):
        services.review_sign(actor=carla, review=review)
    assert Membership.objects.get(user=world.sam, organization=world.org).is_active
    review.refresh_from_db()
    assert review.status == ReviewStatus.OPEN


def test_a_review_is_signed_only_when_every_account_is_decided(world):
    alice = actor_of(world, world.alice)
    review = services.review_start(actor=alice, system=_builtin(world))
    first = review.items.first()
    services.review_decide(actor=alice, item=first, decision=Decision.KEEP)
    with pytest.raises(ValidationError, match="Decide every account"):
        services.review_sign(actor=alice, review=review)
    with pytest.raises(ValidationError, match="already has a review in progress"):
        services.review_start(actor=alice, system=review.system)


def test_a_reviewer_cannot_revoke_their_own_access_and_a_revocation_needs_a_reason(world):
    alice = actor_of(world, world.alice)
    review = services.review_start(actor=alice, system=_builtin(world))
    own = review.items.get(membership__user=world.alice)
    with pytest.raises(ValidationError, match="your own access"):
        services.review_decide(actor=alice, item=own, decision=Decision.REVOKE, note="x")
    other = review.items.get(membership__user=world.sam)
    with pytest.raises(ValidationError, match="Say why"):
        services.review_decide(actor=alice, item=other, decision=Decision.REVOKE)


def test_another_systems_revoked_account_is_marked_for_removal(world):
    carla = actor_of(world, world.carla)
    system = services.system_create(actor=carla, name="ERP", kind="erp")
    keep = services.account_create(actor=carla, system=system, account_name="jibarra")
    gone = services.account_create(actor=carla, system=system, account_name="rgarza")
    review = services.review_start(actor=carla, system=system)
    for item in review.items.all():
        revoke = item.account_id == gone.pk
        services.review_decide(
            actor=carla,
            item=item,
            decision=Decision.REVOKE if revoke else Decision.KEEP,
            note="Baja" if revoke else "",
        )
    services.review_sign(actor=carla, review=review)
    gone.refresh_from_db()
    keep.refresh_from_db()
    assert gone.status == AccountStatus.REVOKED
    assert keep.status == AccountStatus.ACTIVE
    with pytest.raises(ValidationError, match="signed"):
        services.review_decide(actor=carla, item=review.items.first(), decision=Decision.KEEP)
