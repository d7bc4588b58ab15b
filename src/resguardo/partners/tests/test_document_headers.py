"""Partner documents download like evidence: an attachment, sandboxed, never sniffed or cached
by a shared cache, from the page and from the API."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .. import services
from .factories import create_partner

SANDBOXED = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    "Cache-Control": "private, no-store",
}


@pytest.fixture
def document(world):
    partner = create_partner(world, legal_name="Transportes del Norte, S.A. de C.V.")
    return services.document_upload(
        actor=world.actor(world.carla),
        partner=partner,
        kind="security_agreement",
        title="Convenio 2026",
        upload=SimpleUploadedFile("convenio.pdf", b"%PDF-1.4\n%%EOF\n"),
    )


def _headers(response):
    return {name: response[name] for name in SANDBOXED}


def test_the_page_download_is_sandboxed(world, client_for, document):
    response = client_for(world.audrey).get(
        reverse("partners:document_download", args=[document.pk])
    )
    assert response.status_code == 200
    assert _headers(response) == SANDBOXED
    assert response["Content-Disposition"].startswith("attachment")


def test_the_api_download_is_sandboxed(world, api_for, document):
    response = api_for(world.audrey).get(f"/api/v1/partner-documents/{document.pk}/download/")
    assert response.status_code == 200
    assert _headers(response) == SANDBOXED
    assert response["Content-Disposition"].startswith("attachment")
