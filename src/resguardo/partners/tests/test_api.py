"""The REST API: same rules as the pages, scoped to the organization, with filters."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import Partner
from .factories import create_partner, import_fixture


def test_create_list_filter_and_explain(world, api_for):
    import_fixture()
    api = api_for(world.carla)
    created = api.post(
        "/api/v1/partners/",
        {"kind": "carrier", "legal_name": "Logística Fénix", "rfc": "LFE0805123A3"},
        format="json",
    )
    assert created.status_code == 201
    body = created.json()
    assert body["open_hits"] == 1 and body["risk"] == "high" and body["rfc_warning"] == ""
    assert any(f["text"] == "Partner type: Carrier" for f in body["risk_explanation"])
    create_partner(world, legal_name="Cliente Limpio")
    listed = api.get("/api/v1/partners/", {"open_hits": "true"}).json()
    assert [p["legal_name"] for p in listed["results"]] == ["Logística Fénix"]
    assert api.get("/api/v1/partners/", {"q": "limpio"}).json()["count"] == 1


def test_bad_input_answers_400_with_the_field(world, api_for):
    response = api_for(world.carla).post(
        "/api/v1/partners/", {"kind": "client", "legal_name": "X", "rfc": "ABC1"}, format="json"
    )
    assert response.status_code == 400 and "rfc" in response.json()


def test_other_organizations_objects_are_404(world, api_for):
    import_fixture()
    partner = create_partner(world, legal_name="Fénix", rfc="LFE0805123A3")
    hit = partner.hits.get()
    api = api_for(world.oscar)
    assert api.get(f"/api/v1/partners/{partner.pk}/").status_code == 404
    assert api.get(f"/api/v1/screening-hits/{hit.pk}/").status_code == 404
    assert (
        api.post(
            f"/api/v1/screening-hits/{hit.pk}/decide/",
            {"verdict": "false_positive", "reason": "Different company."},
            format="json",
        ).status_code
        == 404
    )
    assert (
        api.post(
            "/api/v1/partner-certifications/",
            {
                "partner": partner.pk,
                "program": "oea",
                "modality": "carrier",
                "valid_until": "2030-01-01",
            },
            format="json",
        ).status_code
        == 404
    )
    assert api.get("/api/v1/partners/").json()["count"] == 0
    assert api.get("/api/v1/watchlist-versions/").json()["count"] == 1  # public lists are shared


def test_readers_cannot_write(world, api_for):
    api = api_for(world.audrey)
    assert api.get("/api/v1/partners/").status_code == 200
    assert (
        api.post(
            "/api/v1/partners/", {"kind": "client", "legal_name": "X", "rfc": ""}, format="json"
        ).status_code
        == 403
    )


def test_a_refused_write_names_the_role_not_the_membership(world, api_for):
    for persona in (world.audrey, world.sofia):  # auditor and staff: members, read only here
        refused = api_for(persona).post(
            "/api/v1/partners/", {"kind": "client", "legal_name": "X", "rfc": ""}, format="json"
        )
        assert refused.status_code == 403
        assert refused.json() == {"detail": "Your role does not allow this action."}


def test_decide_a_hit_and_block(world, api_for):
    import_fixture()
    partner = create_partner(world, legal_name="Fénix", rfc="LFE0805123A3")
    hit = partner.hits.get()
    api = api_for(world.carla)
    assert api.get("/api/v1/screening-hits/", {"status": "open"}).json()["count"] == 1
    response = api.post(
        f"/api/v1/screening-hits/{hit.pk}/decide/",
        {"verdict": "true_match", "reason": "Same RFC, 69-B Definitivo."},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "true_match"
    assert Partner.objects.get(pk=partner.pk).status == "blocked"
    assert api.get("/api/v1/screening-hits/", {"status": "open"}).json()["count"] == 0


def test_certifications_reviews_and_questionnaires(world, api_for):
    partner = create_partner(world, kind="carrier")
    api = api_for(world.carla)
    cert = api.post(
        "/api/v1/partner-certifications/",
        {
            "partner": partner.pk,
            "program": "ctpat",
            "ctpat_tier": "2",
            "svi_number": "SVI-9",
            "last_verified_on": "2026-01-10",
        },
        format="json",
    )
    assert cert.status_code == 201, cert.json()
    review = api.post(
        "/api/v1/partner-reviews/",
        {
            "partner": partner.pk,
            "outcome": "with_findings",
            "summary": "Visit",
            "findings": [
                {
                    "description": "Gate unmanned at night",
                    "action": "Hire a guard",
                    "due_on": "2030-01-01",
                    "owner": world.sam.pk,
                }
            ],
        },
        format="json",
    )
    assert review.status_code == 201, review.json()
    finding_id = review.json()["findings"][0]["id"]
    closed = api.post(
        f"/api/v1/partner-findings/{finding_id}/close/",
        {"closing_note": "Guard hired"},
        format="json",
    )
    assert closed.json()["status"] == "done"
    sent = api.post(
        "/api/v1/partner-questionnaires/",
        {"partner": partner.pk, "recipient_email": "a@b.mx"},
        format="json",
    )
    assert (
        sent.status_code == 201 and "token" not in sent.json() and sent.json()["status"] == "sent"
    )


def test_documents_upload_and_download(world, api_for):
    partner = create_partner(world)
    api = api_for(world.carla)
    upload = SimpleUploadedFile("encargo.pdf", b"%PDF-1.4 encargo", content_type="application/pdf")
    created = api.post(
        "/api/v1/partner-documents/",
        {"partner": partner.pk, "kind": "encargo", "upload": upload},
        format="multipart",
    )
    assert created.status_code == 201 and len(created.json()["sha256"]) == 64
    download = api.get(f"/api/v1/partner-documents/{created.json()['id']}/download/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 encargo"
    assert (
        api_for(world.oscar)
        .get(f"/api/v1/partner-documents/{created.json()['id']}/download/")
        .status_code
        == 404
    )


def test_policy(world, api_for):
    api = api_for(world.carla)
    assert api.get("/api/v1/partner-policy/").json()["review_months_high"] == 6
    response = api.patch("/api/v1/partner-policy/", {"review_months_high": 4}, format="json")
    assert response.status_code == 200 and response.json()["review_months_high"] == 4
    assert (
        api.patch(
            "/api/v1/partner-policy/", {"name_match_threshold": 50}, format="json"
        ).status_code
        == 400
    )
    assert (
        api_for(world.audrey)
        .patch("/api/v1/partner-policy/", {"review_months_high": 4}, format="json")
        .status_code
        == 403
    )


def test_schema_includes_the_partner_endpoints(world, api_for):
    schema = api_for(world.carla).get("/api/v1/schema/", {"format": "json"}).json()
    assert (
        "/api/v1/partners/" in schema["paths"]
        and "/api/v1/screening-hits/{id}/decide/" in schema["paths"]
    )
