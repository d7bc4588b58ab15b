"""The requirement page and the results list (radio buttons, selects, text areas, filters) are
the same, byte for byte, with the Python-written widgets as through the template engine."""

import re

from django.urls import reverse

from resguardo.compliance.models import RequirementResult


def _without_tokens(page: bytes) -> str:
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.decode())
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def test_the_requirement_and_results_pages_are_the_same_either_way(
    world, assessment, client_for, settings
):
    result = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.1")
    paths = [
        result.get_absolute_url(),
        reverse("compliance:result_list", args=[assessment.pk]) + "?result=not_assessed",
    ]
    client = client_for(world.carla)
    fast = [client.get(path) for path in paths]
    settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
    engine = [client.get(path) for path in paths]
    assert 'type="radio" name="result"' in fast[0].content.decode()
    assert "<select" in fast[1].content.decode()
    for mine, theirs in zip(fast, engine, strict=True):
        assert mine.status_code == theirs.status_code == 200
        assert _without_tokens(mine.content) == _without_tokens(theirs.content)
