"""Files in an S3-compatible object store: a real S3 server (moto's, on 127.0.0.1) behind
Django's storage API, never a mocked client. Uploads land in the bucket; downloads still go
through Resguardo's views and their organization and role checks; backups read the bucket."""

import boto3
import pytest
from django.test import override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer

from resguardo.compliance.models import Evidence
from resguardo.testing.cluster import free_port

BUCKET = "resguardo-tests"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


@pytest.fixture
def object_storage(s3_server, settings):
    endpoint, client = s3_server
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "region_name": "us-east-1",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    with override_settings(STORAGES=storages):
        yield client
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in listed:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])


def _upload(client, title="Plan de contingencia"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile(
        "plan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf"
    )
    response = client.post(
        reverse("compliance:evidence_create"),
        {"title": title, "kind": "file", "classification": "internal", "file": pdf},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Evidence.objects.get(title=title)


def test_an_upload_lands_in_the_bucket_and_downloads_keep_the_tenant_check(
    world, client_for, object_storage, db
):
    evidence = _upload(client_for(world.carla))
    keys = [o["Key"] for o in object_storage.list_objects_v2(Bucket=BUCKET)["Contents"]]
    stored = evidence.current_revision.file.name
    assert stored in keys

    url = reverse("compliance:evidence_download", args=[evidence.pk])
    response = client_for(world.audrey).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert client_for(world.oscar).get(url).status_code == 404
