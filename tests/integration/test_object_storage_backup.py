"""A backup reads every object of an S3-compatible bucket (moto's real S3 server).

Its own file: a transactional test empties the database when it ends, and pytest-django runs
files whose tests are all transactional after the others (the aduanas catalog stays)."""

import pytest

from resguardo.core.backup import backup_verify, backup_write

from .test_object_storage import (  # noqa: F401 (fixtures)
    BUCKET,
    _upload,
    object_storage,
    s3_server,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_backup_reads_every_object_of_the_bucket(
    world,
    client_for,
    object_storage,  # noqa: F811 (the imported fixture)
    tmp_path,
):
    _upload(client_for(world.carla), title="Procedimiento de sellos")
    archive = tmp_path / "backup.tar.gz"
    summary = backup_write(archive)
    keys = [o["Key"] for o in object_storage.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert sorted(f["name"] for f in summary.manifest["files"]) == sorted(keys)
    assert backup_verify(archive).files == len(keys)
