"""Indicators named by the catalog whose module is not installed yet read as words, not keys:
the same on the requirement page and in the API."""

from django.urls import reverse
from django.utils.html import strip_tags

from resguardo.compliance.models import RequirementResult
from resguardo.testing.indicators import uninstall_indicators


def _item(assessment, ref_id):
    return RequirementResult.objects.get(assessment=assessment, node__ref_id=ref_id)


def test_page_names_an_indicator_of_a_missing_module_in_words(
    world, client_for, assessment, monkeypatch
):
    uninstall_indicators(monkeypatch, "facilities.")
    item = _item(assessment, "2.1")  # facilities.physical_checks_current
    body = client_for(world.carla).get(reverse("compliance:result_detail", args=[item.pk]))
    text = " ".join(strip_tags(body.content.decode()).split())
    assert "Instalaciones con revisión de seguridad física vigente" in text
    assert "Aún no se mide" in text
    assert "vienen del módulo “Seguridad física y control de acceso”" in text
    assert "todavía no está instalado" in text
    assert "facilities.physical_checks_current" not in text


def test_page_in_english(world, client_for, assessment, monkeypatch):
    uninstall_indicators(monkeypatch, "people.")
    item = _item(assessment, "1.2")  # people.training_coverage
    client = client_for(world.carla)
    client.cookies["resguardo_language"] = "en"
    text = strip_tags(
        client.get(reverse("compliance:result_detail", args=[item.pk])).content.decode()
    )
    text = " ".join(text.split())
    assert "Staff trained in security and awareness" in text
    assert "Not measured yet" in text
    assert (
        "The records that measure it come from the module “Personnel and training”, which is "
        "not installed yet." in text
    )
    assert "people.training_coverage" not in text


def test_installed_indicators_still_show_their_reading(world, client_for, assessment):
    item = _item(assessment, "1.3")  # compliance.internal_audit_age, compliance.overdue_actions
    body = client_for(world.carla).get(reverse("compliance:result_detail", args=[item.pk]))
    text = " ".join(strip_tags(body.content.decode()).split())
    assert "Días desde la última auditoría interna" in text
    assert "Aún no se mide" not in text


def test_api_keeps_the_key_and_says_unavailable(world, api_for, assessment, monkeypatch):
    uninstall_indicators(monkeypatch, "facilities.")
    item = _item(assessment, "3.2")  # facilities.visitor_log_complete, facilities.badges_current
    body = api_for(world.carla).get(f"/api/v1/requirement-results/{item.pk}/").json()
    lines = {line["key"]: line for line in body["indicators"]}
    assert list(lines) == ["facilities.visitor_log_complete", "facilities.badges_current"]
    badges = lines["facilities.badges_current"]
    assert badges["status"] == "unavailable"
    assert badges["value"] is None
    assert badges["label"] == "Gafetes vigentes y controlados"
    assert "todavía no está instalado" in badges["note"]
    installed = api_for(world.carla).get(
        f"/api/v1/requirement-results/{_item(assessment, '1.3').pk}/"
    )
    statuses = {line["key"]: line["status"] for line in installed.json()["indicators"]}
    assert statuses["compliance.overdue_actions"] in {"met", "not_met", "no_data"}
