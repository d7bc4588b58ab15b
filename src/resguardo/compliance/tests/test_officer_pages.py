"""What a compliance officer sees on the assessment and requirement pages."""

import re

from django.urls import reverse

from resguardo.compliance import services
from resguardo.compliance.models import RequirementResult

from .factories import start_assessment


def _item(assessment, ref_id):
    return RequirementResult.objects.get(assessment=assessment, node__ref_id=ref_id)


def test_conflict_page_keeps_the_text_and_saving_again_applies_it(world, client_for, assessment):
    item = _item(assessment, "1.2")
    opened_version = item.version
    services.result_update(
        actor=world.actor(world.alice),
        target=item,
        answer="Texto de Alice",
        expected_version=opened_version,
    )
    client = client_for(world.carla)
    url = reverse("compliance:result_detail", args=[item.pk])
    typed = {"result": "compliant", "answer": "Texto de Carla", "comments": "Revisado"}
    conflict = client.post(url, {**typed, "version": opened_version})
    body = conflict.content.decode()
    assert conflict.status_code == 409
    assert "Su texto sigue en el formulario de abajo" in body
    # No advice to reload: reloading would throw away the text still in the form.
    assert "recargue" not in body
    version = re.search(r'name="version" value="(\d+)"', body).group(1)
    assert int(version) == _item(assessment, "1.2").version
    saved = client.post(url, {**typed, "version": version})
    assert saved.status_code == 302
    assert _item(assessment, "1.2").answer == "Texto de Carla"


def test_assessment_page_names_applicability_flags_in_words(world, client_for, db):
    yard = start_assessment(world, name="Patio", flags=["yard"], site=world.yard)
    client = client_for(world.carla)
    body = client.get(reverse("compliance:assessment_detail", args=[yard.pk])).content.decode()
    assert "Aplicabilidad: Patio, almacén o unidades propias" in body
    assert "Aplicabilidad: yard" not in body


def test_link_button_says_what_it_does(world, client_for, assessment):
    item = _item(assessment, "1.2")
    page = client_for(world.carla).get(reverse("compliance:result_evidence_add", args=[item.pk]))
    body = page.content.decode()
    assert "Vincular a este requisito" in body
    assert ">Enlace</button>" not in body


def test_list_filters_are_worded_for_people(world, client_for, db):
    client = client_for(world.carla)
    evidence = client.get(reverse("compliance:evidence_list")).content.decode()
    actions = client.get(reverse("compliance:action_list")).content.decode()
    for body in (evidence, actions):
        assert "Desconocido" not in body  # django-filter's “Unknown / Yes / No”
        assert ">---------<" not in body
    assert "Toda la evidencia" in evidence and "Solo por vencer o vencida" in evidence
    assert "Todas las clasificaciones" in evidence
    assert "Solo vencidas" in actions and "Todos los estados" in actions


def test_audit_page_counts_one_open_action_in_the_singular(world, client_for, db):
    from .factories import ActionItemFactory, AuditFindingFactory, InternalAuditFactory

    audit = InternalAuditFactory(organization=world.org)
    finding = AuditFindingFactory(audit=audit, title="Sin bitácora de llaves")
    ActionItemFactory(organization=world.org, finding=finding)
    body = client_for(world.carla).get(reverse("compliance:audit_detail", args=[audit.pk]))
    text = body.content.decode()
    assert "1 abierta de 1" in text
    assert "1 abiertas" not in text


def test_frozen_assessment_offers_no_evidence_form(world, client_for, assessment):
    from resguardo.compliance.models import Evidence

    from .factories import answer_all, pdf_upload

    answer_all(world, assessment)
    assessment.refresh_from_db()
    services.assessment_freeze(actor=world.actor(world.alice), assessment=assessment)
    url = reverse("compliance:result_evidence_add", args=[_item(assessment, "1.1").pk])
    client = client_for(world.carla)
    assert client.get(url).status_code == 403
    upload = client.post(
        url,
        {"title": "Tarde", "kind": "file", "classification": "internal", "file": pdf_upload()},
    )
    assert upload.status_code == 403
    assert not Evidence.objects.filter(title="Tarde").exists()


def test_recognition_page_names_each_programme_once(world, catalog, client_for):
    start_assessment(world, library=catalog)
    body = client_for(world.carla).get(reverse("compliance:recognition")).content.decode()
    assert "Criterios Mínimos de Seguridad C-TPAT 2019 (agentes aduanales)</h2>" in body
    assert "2019 2019" not in body and "2021 2021" not in body


def test_answer_field_is_labelled_in_the_reader_s_language(world, client_for, assessment):
    url = reverse("compliance:result_detail", args=[_item(assessment, "1.1").pk])
    client = client_for(world.carla)
    client.cookies["resguardo_language"] = "en"
    body = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "Save answer" in body
    assert "(Respuesta)" not in body


def test_last_answered_line_does_not_end_in_a_double_period(world, client_for, assessment):
    item = _item(assessment, "1.1")
    services.result_update(actor=world.actor(world.carla), target=item, answer="Hecho")
    client = client_for(world.carla)
    client.cookies["resguardo_language"] = "en"
    body = client.get(reverse("compliance:result_detail", args=[item.pk])).content.decode()
    line = re.search(r"Last answered on [^<]+", body).group(0)
    assert line.endswith(f"by {world.carla.get_full_name()}.")
    assert ".." not in line


def test_action_steps_answer_403_before_offering_a_form(world, client_for, db):
    import datetime

    from django.utils import timezone

    action = services.action_item_create(
        actor=world.actor(world.carla),
        title="Reparar barda perimetral",
        owner=world.sofia,
        due_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    for step in ("progress", "verify", "cancel"):
        url = reverse(f"compliance:action_{step}", args=[action.pk])
        assert client_for(world.audrey).post(url, {}).status_code == 403, step
    assert (
        client_for(world.sam)
        .post(  # a site manager who does not own it
            reverse("compliance:action_progress", args=[action.pk]), {}
        )
        .status_code
        == 403
    )
    owner = client_for(world.sofia)
    progress = owner.post(
        reverse("compliance:action_progress", args=[action.pk]),
        {"status": "in_progress", "version": action.version},
    )
    assert progress.status_code == 302
    assert owner.post(reverse("compliance:action_verify", args=[action.pk]), {}).status_code == 403


def test_results_page_filters_offer_no_assessment_id_box(world, client_for, assessment):
    url = reverse("compliance:result_list", args=[assessment.pk])
    body = client_for(world.carla).get(url).content.decode()
    assert 'name="assessment"' not in body
    assert "Todos los resultados" in body and "Solo los míos" in body
    filtered = client_for(world.carla).get(url, {"result": "not_assessed"}).content.decode()
    assert filtered.count('data-result="not_assessed"') == 35


def test_optional_choices_say_what_empty_means(world, client_for, assessment):
    item = _item(assessment, "1.2")
    body = client_for(world.carla).get(reverse("compliance:result_detail", args=[item.pk]))
    text = body.content.decode()
    assert '<option value="" selected>Nadie todavía</option>' in text
    assert ">---------<" not in text
    action_form = client_for(world.carla).get(reverse("compliance:action_create")).content.decode()
    assert ">Toda la organización</option>" in action_form
    assert ">---------<" not in action_form
