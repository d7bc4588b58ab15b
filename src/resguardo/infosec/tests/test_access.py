"""Confidential to administrators, compliance officers and auditors; another organization's
records answer 404 everywhere; auditors read and never write."""

import pytest
from django.urls import reverse

from resguardo.core.choices import Role
from resguardo.core.permissions import has_perm

from ..access import READ_PERM, can_manage
from . import walk as infosec_walk
from .helpers import signed_in

pytestmark = pytest.mark.django_db

PAGES = [name for name in infosec_walk.URL_KWARGS if name.startswith("infosec:")]
LISTS = ["system_list", "review_list", "document_type_list", "disposal_list",
         "credential_list", "cyber_event_list"]  # fmt: skip
API_LISTS = ["document-types", "disposals", "systems", "system-accounts", "access-reviews",
             "access-review-items", "restore-tests", "digital-credentials",
             "credential-events", "cyber-events"]  # fmt: skip


@pytest.fixture
def norte(world):
    infosec_walk.build(world)
    return world


def _url(world, name):
    return reverse(name, kwargs=infosec_walk.URL_KWARGS[name](world))


def test_the_read_permission_is_exactly_the_confidential_roles(world):
    readers = {m.role for m in world.org.memberships.all() if has_perm(m, READ_PERM)}
    assert readers == {Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR}
    managers = {m.role for m in world.org.memberships.all() if can_manage(m)}
    assert managers == {Role.ADMIN, Role.COMPLIANCE}


def test_an_outsider_gets_404_for_every_record_of_norte(norte, api_for):
    oscar = signed_in(norte.oscar)
    api = api_for(norte.oscar)
    for name in PAGES:
        url = _url(norte, name)
        assert oscar.get(url).status_code in (404, 405), url
        if name.endswith(("_edit", "_log", "_sign", "_create", "_start", "_import", "_decide")):
            assert oscar.post(url, {}).status_code == 404, url
    for name in infosec_walk.URL_KWARGS:
        if name.startswith("api:"):
            url = _url(norte, name)
            assert api.get(url).status_code in (404, 405), url
            assert api.post(url, {}).status_code in (404, 405), url
    for prefix in API_LISTS:
        body = api.get(f"/api/v1/{prefix}/").content.decode()
        for marker in infosec_walk.MARKERS:
            assert marker not in body, (prefix, marker)


@pytest.mark.parametrize("persona", ["sam", "sofia"])
def test_site_roles_see_nothing_of_the_module(norte, api_for, persona):
    user = getattr(norte, persona)
    page = signed_in(user)
    home = page.get("/").content.decode()
    assert reverse("infosec:system_list") not in home  # no menu entry
    for name in LISTS:
        assert page.get(reverse(f"infosec:{name}")).status_code == 403
    assert page.get(_url(norte, "infosec:system_detail")).status_code == 403
    api = api_for(user)
    for prefix in API_LISTS:
        response = api.get(f"/api/v1/{prefix}/")
        assert response.status_code == 403, prefix


def test_the_auditor_reads_everything_and_changes_nothing(norte, api_for):
    audrey = signed_in(norte.audrey)
    for name in LISTS:
        page = audrey.get(reverse(f"infosec:{name}"))
        assert page.status_code == 200
        assert reverse("infosec:system_create") not in page.content.decode()
    detail = audrey.get(_url(norte, "infosec:system_detail")).content.decode()
    assert "SAAI Norte secreto" in detail and "cuenta-norte-7" in detail
    assert audrey.get(_url(norte, "infosec:system_edit")).status_code == 403
    api = api_for(norte.audrey)
    assert api.get("/api/v1/systems/").status_code == 200
    created = api.post("/api/v1/systems/", {"name": "X", "kind": "other"}, format="json")
    assert created.status_code == 403
    decide = api.post(_url(norte, "api:accessreviewitem-decide"), {"decision": "keep"})
    assert decide.status_code == 403
