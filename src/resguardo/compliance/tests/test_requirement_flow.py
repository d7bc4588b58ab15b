"""The requirement page: actions that concern it, a warning for "compliant" without evidence,
moving to the next requirement, progress by owner."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from resguardo.compliance import services
from resguardo.compliance.choices import Result, Severity
from resguardo.compliance.models import RequirementResult
from resguardo.core.actors import Actor

from .english import english_pages  # noqa: F401 - pages in English
from .factories import ActionItemFactory, pdf_upload


def _result(assessment, ref):
    return RequirementResult.objects.get(assessment=assessment, node__ref_id=ref)


def test_requirement_page_lists_actions_raised_from_a_finding_on_it(world, assessment, client_for):
    carla = world.membership(world.carla)
    result = _result(assessment, "2.5")
    audit = services.internal_audit_create(
        actor=Actor.for_member(carla), title="Auditoría 2026",
        planned_date=timezone.localdate(),
    )  # fmt: skip
    finding = services.finding_create(
        actor=Actor.for_member(carla), audit=audit, title="Sin bitácora de llaves",
        severity=Severity.MAJOR, node=result.node,
    )  # fmt: skip
    services.action_item_create(
        actor=Actor.for_member(carla), finding=finding,
        title="Implementar bitácora y procedimiento de llaves",
        due_date=timezone.localdate() - datetime.timedelta(days=7),
    )  # fmt: skip
    ActionItemFactory(organization=world.org, title="Sobre el requisito", node=result.node)
    ActionItemFactory(organization=world.org, title="De otro requisito",
                      node=_result(assessment, "2.4").node)  # fmt: skip
    page = client_for(world.audrey).get(result.get_absolute_url()).content.decode()
    actions = page.split('data-testid="actions"')[1].split("</ul>")[0]
    assert "Implementar bitácora y procedimiento de llaves" in actions
    assert "Sobre el requisito" in actions
    assert "De otro requisito" not in actions
    assert "No action" not in actions


def test_compliant_without_evidence_is_saved_with_a_warning_and_listed(
    world, assessment, client_for
):
    client = client_for(world.carla)
    result = _result(assessment, "1.1")
    response = client.post(
        result.get_absolute_url(),
        {"result": Result.COMPLIANT, "answer": "Matriz anual.", "version": result.version},
        follow=True,
    )
    page = response.content.decode()
    assert "Answer saved." in page
    assert "Saved as compliant without evidence" in page
    assert _result(assessment, "1.1").result == Result.COMPLIANT
    readiness = client.get(reverse("compliance:dashboard")).content.decode()
    unsupported = readiness.split('data-testid="unsupported"')[1].split("</section>")[0]
    assert "1.1" in unsupported and "1 requirement is answered compliant" in unsupported

    services.evidence_create(
        actor=world.actor(world.carla), title="Matriz",
        kind="file", file=pdf_upload(), result=_result(assessment, "1.1"),
    )  # fmt: skip
    readiness = client.get(reverse("compliance:dashboard")).content.decode()
    assert "Every compliant answer has evidence." in readiness
    again = client.post(
        result.get_absolute_url(),
        {"result": Result.COMPLIANT, "answer": "Matriz anual, v2.",
         "version": _result(assessment, "1.1").version},
        follow=True,
    ).content.decode()  # fmt: skip
    assert "Saved as compliant without evidence" not in again


def test_save_and_go_to_the_next_requirement(world, assessment, client_for):
    client = client_for(world.carla)
    first = _result(assessment, "1.1")
    second = _result(assessment, "1.2")
    page = client.get(first.get_absolute_url()).content.decode()
    assert f'href="{second.get_absolute_url()}" rel="next"' in page
    response = client.post(
        first.get_absolute_url(),
        {"result": Result.PARTIAL, "answer": "En curso.", "version": first.version,
         "save_next": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == second.get_absolute_url()
    back = client.post(
        second.get_absolute_url(),
        {"result": Result.PARTIAL, "answer": "En curso.", "version": second.version,
         "save_previous": "1"},
    )  # fmt: skip
    assert back["Location"] == first.get_absolute_url()


def test_requirement_titles_are_links_and_progress_by_owner(world, assessment, client_for):
    carla = world.membership(world.carla)
    for ref in ("1.1", "1.2"):
        services.result_assign(
            actor=Actor.for_member(carla), target=_result(assessment, ref), owner=world.sam
        )
    services.result_update(
        actor=Actor.for_member(carla), target=_result(assessment, "1.1"),
        result=Result.PARTIAL,
    )  # fmt: skip
    client = client_for(world.alice)
    result = _result(assessment, "1.1")
    url = result.get_absolute_url()
    listing = client.get(reverse("compliance:result_list", args=[assessment.pk])).content.decode()
    title = result.node.title_en
    assert f'<a href="{url}">{title}</a>' in listing
    detail = client.get(assessment.get_absolute_url()).content.decode()
    assert f'<a href="{url}">1.1 {title}</a>' in detail
    owners = detail.split('data-testid="owners"')[1].split("</table>")[0]
    row = re.search(r"Sam[^<]*</a></td>((?:<td[^>]*>[^<]*</td>){4})", owners)
    assert row, owners
    assert re.findall(r">([^<]*)</td>", row.group(1)) == ["2", "1", "0", "50%"]
    filtered = client.get(
        reverse("compliance:result_list", args=[assessment.pk]) + f"?owner={world.sam.pk}"
    ).content.decode()
    assert filtered.count('rel="next"') == 0 and "1.2" in filtered and "1.3" not in filtered
