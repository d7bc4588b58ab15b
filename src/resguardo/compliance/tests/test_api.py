from resguardo.compliance.models import RequirementResult

from .factories import pdf_upload


def _item(assessment, ref_id):
    return RequirementResult.objects.get(assessment=assessment, node__ref_id=ref_id)


def test_create_assessment_and_read_all_results(world, api_for, neec):
    api = api_for(world.carla)
    response = api.post(
        "/api/v1/assessments/",
        {"name": "API 2026", "library": neec.urn, "flags": ["yard"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    assessment_id = response.json()["id"]
    assert response.json()["readiness"] == 0.0
    results = api.get(f"/api/v1/assessments/{assessment_id}/results/").json()
    assert len(results) > 35
    assert results[0]["ref_id"] == "1.1" and results[0]["result"] == "not_assessed"
    tree = api.get(f"/api/v1/assessments/{assessment_id}/tree/").json()
    assert tree[0]["ref_id"] == "1" and tree[0]["children"][0]["ref_id"] == "1.1"


def test_patch_result_and_conflict_answers_409_with_current(world, api_for, assessment):
    item = _item(assessment, "1.1")
    api = api_for(world.carla)
    url = f"/api/v1/requirement-results/{item.pk}/"
    first = api.patch(
        url, {"result": "compliant", "answer": "Primera", "version": 1}, format="json"
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = api_for(world.alice).patch(url, {"answer": "Segunda", "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["current"]["answer"] == "Primera"
    assert _item(assessment, "1.1").answer == "Primera"


def test_api_refuses_writes_on_frozen_assessment(world, api_for, assessment):
    from .factories import answer_all

    answer_all(world, assessment)
    api = api_for(world.carla)
    frozen = api.post(f"/api/v1/assessments/{assessment.pk}/freeze/", {}, format="json")
    assert frozen.status_code == 200 and frozen.json()["status"] == "frozen"
    item = _item(assessment, "2.1")
    response = api.patch(f"/api/v1/requirement-results/{item.pk}/", {"answer": "x"}, format="json")
    assert response.status_code == 400
    assert "congelada" in response.content.decode()


def test_auditor_reads_but_cannot_write(world, api_for, assessment):
    api = api_for(world.audrey)
    assert api.get(f"/api/v1/assessments/{assessment.pk}/").status_code == 200
    item = _item(assessment, "1.1")
    response = api.patch(f"/api/v1/requirement-results/{item.pk}/", {"answer": "x"}, format="json")
    assert response.status_code == 403


def test_outsider_gets_404(world, api_for, assessment):
    api = api_for(world.oscar)
    assert api.get(f"/api/v1/assessments/{assessment.pk}/").status_code == 404
    assert api.get(f"/api/v1/assessments/{assessment.pk}/results/").status_code == 404
    item = _item(assessment, "1.1")
    assert (
        api.patch(
            f"/api/v1/requirement-results/{item.pk}/", {"answer": "x"}, format="json"
        ).status_code
        == 404
    )


def test_evidence_upload_link_and_download(world, api_for, assessment):
    api = api_for(world.carla)
    item = _item(assessment, "1.2")
    response = api.post(
        "/api/v1/evidence/",
        {"title": "Política", "kind": "file", "file": pdf_upload(), "result": item.pk},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["current_revision"]["sha256"]) == 64
    download = api.get(body["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    bad = api.post(
        "/api/v1/evidence/",
        {"title": "Falso", "kind": "file", "file": pdf_upload("falso.png")},
        format="multipart",
    )
    assert bad.status_code == 400 and "no corresponde a su nombre" in bad.content.decode()


def test_actions_audits_and_findings(world, api_for, neec):
    api = api_for(world.carla)
    audit = api.post(
        "/api/v1/internal-audits/",
        {"title": "Auditoría anual", "planned_date": "2026-03-01"},
        format="json",
    )
    assert audit.status_code == 201, audit.content
    finding = api.post(
        "/api/v1/audit-findings/",
        {
            "audit": audit.json()["id"],
            "title": "Bitácora incompleta",
            "severity": "major",
            "node": "urn:resguardo:neec-aa:2023:3.3",
        },
        format="json",
    )
    assert finding.status_code == 201, finding.content
    assert finding.json()["reference"] == "H-01"
    action = api.post(
        f"/api/v1/audit-findings/{finding.json()['id']}/raise-action/",
        {"title": "Completar bitácora", "due_date": "2026-01-01", "owner": world.sam.pk},
        format="json",
    )
    assert action.status_code == 201, action.content
    data = action.json()
    assert data["source"] == "finding" and data["node"] == "urn:resguardo:neec-aa:2023:3.3"
    overdue = api.get("/api/v1/action-items/?overdue=true").json()["results"]
    assert [a["id"] for a in overdue] == [data["id"]] and overdue[0]["overdue"] is True
    sam = api_for(world.sam)
    progress = sam.post(
        f"/api/v1/action-items/{data['id']}/progress/", {"status": "implemented"}, format="json"
    )
    assert progress.status_code == 200, progress.content
    assert (
        sam.post(
            f"/api/v1/action-items/{data['id']}/verify/",
            {"effective": True, "note": "ok"},
            format="json",
        ).status_code
        == 403
    )
    verified = api.post(
        f"/api/v1/action-items/{data['id']}/verify/",
        {"effective": True, "note": "Revisada la bitácora"},
        format="json",
    )
    assert verified.json()["status"] == "verified"
