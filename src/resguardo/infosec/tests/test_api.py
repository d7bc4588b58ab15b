"""The API walks the same services as the pages: an access review from start to signature,
with the lists filtered by the shared FilterSets."""

import pytest

from ..choices import AccountStatus

pytestmark = pytest.mark.django_db


def test_an_access_review_through_the_api(world, api_for):
    api = api_for(world.carla)
    system = api.post(
        "/api/v1/systems/", {"name": "ERP", "kind": "erp", "mfa_enforced": True}, format="json"
    ).json()
    for name in ("jibarra", "rgarza"):
        created = api.post(
            "/api/v1/system-accounts/",
            {"system": system["id"], "account_name": name, "employee_number": f"E-{name}"},
            format="json",
        )
        assert created.status_code == 201, created.json()
    review = api.post("/api/v1/access-reviews/", {"system": system["id"]}, format="json").json()
    assert review["item_count"] == 2 and review["pending_count"] == 2
    items = api.get("/api/v1/access-review-items/", {"review": review["id"]}).json()["results"]
    for item in items:
        revoke = item["person"] == "rgarza"
        body = {"decision": "revoke", "note": "Baja"} if revoke else {"decision": "keep"}
        assert (
            api.post(f"/api/v1/access-review-items/{item['id']}/decide/", body).status_code == 200
        )
    pending = api.post(
        f"/api/v1/access-review-items/{items[0]['id']}/decide/", {"decision": "pending"}
    )
    assert pending.status_code == 400 and "decision" in pending.json()
    signed = api.post(f"/api/v1/access-reviews/{review['id']}/sign/", {"notes": "Trimestral"})
    assert signed.status_code == 200, signed.json()
    assert signed.json()["status"] == "signed" and signed.json()["signed_by"] == world.carla.pk
    revoked = api.get("/api/v1/system-accounts/", {"status": AccountStatus.REVOKED}).json()
    assert [a["account_name"] for a in revoked["results"]] == ["rgarza"]
    listed = api.get("/api/v1/systems/", {"mfa_enforced": "true"}).json()["results"]
    assert [s["name"] for s in listed] == ["ERP"] and listed[0]["last_review_at"] is not None
