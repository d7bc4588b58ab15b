from resguardo.core.actors import Actor
from resguardo.reports.pdf import render_assessment_html, render_assessment_pdf

from .helpers import freeze, pdf_text


def test_the_report_is_a_real_pdf_with_the_profile_in_spanish(world, demo):
    assessment, _evidence = demo
    pdf = render_assessment_pdf(
        membership=world.membership(world.carla), assessment=assessment, language="es"
    )
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert "Agencia Aduanal Norte, S.C." in text
    assert "1.1 Análisis de riesgo" in " ".join(text.split())
    assert "Planeación de la seguridad en la cadena de suministros" in " ".join(text.split())


def test_the_same_report_in_english_uses_the_english_catalog(world, demo):
    assessment, _evidence = demo
    pdf = render_assessment_pdf(
        membership=world.membership(world.carla), assessment=assessment, language="en"
    )
    text = " ".join(pdf_text(pdf).split())
    assert "1.1 Risk assessment" in text
    assert "Supply-chain security planning" in text
    assert "Análisis de riesgo" not in text


def test_each_requirement_shows_answer_result_owner_review_and_evidence_hashes(world, demo):
    assessment, evidence = demo
    html = render_assessment_html(
        membership=world.membership(world.carla), assessment=assessment, language="en"
    )
    matrix = evidence["matrix"].current_revision
    assert "Respuesta escrita para 1.1." in html
    assert matrix.sha256 in html and "matriz-riesgos.pdf" in html
    assert "Sam" in html  # owner of 1.1
    assert "Not applicable" in html and "La agencia no opera patio." in html
    assert 'data-result="partial"' in html and 'data-result="non_compliant"' in html
    assert "<svg" in html  # the dashboard's charts, inline


def test_confidential_evidence_is_left_out_for_roles_that_may_not_see_it(world, demo):
    assessment, evidence = demo
    secret = evidence["secret"].current_revision
    for user, shown in [(world.audrey, True), (world.carla, True), (world.sofia, False)]:
        html = render_assessment_html(
            membership=world.membership(user), assessment=assessment, language="es"
        )
        assert ("plano-camaras.pdf" in html) is shown, user
        assert (secret.sha256 in html) is shown, user


def test_a_frozen_assessment_carries_the_approver_and_the_snapshot_hash(world, demo):
    assessment, _evidence = demo
    frozen = freeze(world, assessment)
    pdf = render_assessment_pdf(
        membership=world.membership(world.audrey), assessment=frozen, language="en"
    )
    text = " ".join(pdf_text(pdf).split())
    assert frozen.snapshot_sha256 in text.replace(" ", "") or frozen.snapshot_sha256[:16] in text
    html = render_assessment_html(
        membership=world.membership(world.audrey), assessment=frozen, language="en"
    )
    assert frozen.snapshot_sha256 in html
    assert "Revisado por el Comité de Seguridad." in html


def test_the_download_view_sends_the_pdf_in_the_chosen_language(world, demo, client_for):
    assessment, _evidence = demo
    response = client_for(world.audrey).get(
        f"/reports/assessments/{assessment.pk}/report.pdf?lang=en"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "1.1 Risk assessment" in " ".join(pdf_text(response.content).split())


def test_indicators_of_a_missing_module_read_as_words_in_the_report(world, demo, monkeypatch):
    from resguardo.testing.indicators import uninstall_indicators

    uninstall_indicators(monkeypatch, "facilities.", "people.", "risks.", "incidents.", "infosec.")
    assessment, _evidence = demo
    pdf = render_assessment_pdf(
        membership=world.membership(world.carla), assessment=assessment, language="es"
    )
    text = " ".join(pdf_text(pdf).split())
    assert "INDICADORES EN VIVO AL GENERAR EL REPORTE" in text  # labels print in capitals
    assert "Instalaciones con revisión de seguridad física vigente" in text
    assert "Aún no se mide" in text
    assert "facilities.physical_checks_current" not in text
    english = render_assessment_html(
        membership=world.membership(world.carla), assessment=assessment, language="en"
    )
    assert "Sites with a current physical security check" in english
    assert "which is not installed yet" in english
    assert 'data-status="unavailable"' in english


def test_the_report_lists_the_actions_raised_for_each_requirement(world, demo):
    from resguardo.compliance import services
    from resguardo.compliance.models import RequirementResult

    assessment, _evidence = demo
    carla = world.membership(world.carla)
    result = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.3")
    services.action_item_create(
        actor=Actor.for_member(carla), result=result, owner=world.sam,
        title="Extender la auditoría interna a Manzanillo",
    )  # fmt: skip
    html = render_assessment_html(membership=carla, assessment=assessment, language="en")
    article = html.split('data-bookmark="1.3 ')[1].split("</article>")[0]
    assert "Actions raised" in article
    assert "Extender la auditoría interna a Manzanillo" in article and "Sam" in article
    assert html.count("Extender la auditoría interna a Manzanillo") == 1
