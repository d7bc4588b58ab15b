"""A file stored during a transaction that rolls back must not stay behind in storage."""

import pytest
from django.core.files.storage import default_storage

from resguardo.compliance import services
from resguardo.compliance.choices import EvidenceKind
from resguardo.core.exceptions import ConcurrentEditError
from resguardo.core.files import atomic_with_files

from .factories import pdf_upload


def _create(world, title="Política de seguridad", body=b"version one"):
    return services.evidence_create(
        actor=world.actor(world.carla),
        title=title,
        kind=EvidenceKind.FILE,
        file=pdf_upload(body=body),
    )


def _stored_files(evidence) -> list[str]:
    # Ids are reused after each test's rollback, so compare before and after, not to a list.
    folder = f"evidence/{evidence.organization_id}/{evidence.pk}"
    if not default_storage.exists(folder):
        return []
    return sorted(f"{folder}/{name}" for name in default_storage.listdir(folder)[1])


def test_revision_refused_as_a_conflict_leaves_no_orphan_file(world, db):
    evidence = _create(world)
    opened_version = evidence.version
    files_before = _stored_files(evidence)
    assert evidence.current_revision.file.name in files_before
    services.evidence_update(  # someone else saves first
        actor=world.actor(world.alice),
        evidence=evidence,
        title="Política de seguridad 2026",
    )
    with pytest.raises(ConcurrentEditError):
        services.evidence_revise(
            actor=world.actor(world.carla),
            evidence=evidence,
            file=pdf_upload(body=b"version two"),
            expected_version=opened_version,
        )
    evidence.refresh_from_db()
    assert evidence.revisions.count() == 1
    assert _stored_files(evidence) == files_before


def test_upload_rolled_back_by_the_enclosing_transaction_is_deleted(world, db):
    with pytest.raises(RuntimeError), atomic_with_files():
        evidence = _create(world)
        stored = evidence.current_revision.file.name
        assert default_storage.exists(stored)
        raise RuntimeError("the import failed after the upload")
    assert not default_storage.exists(stored)


def test_committed_uploads_stay_and_only_the_failed_block_loses_its_file(world, db):
    with atomic_with_files():
        kept = _create(world, title="Se queda")
        with pytest.raises(RuntimeError), atomic_with_files():
            lost = _create(world, title="Se revierte", body=b"other")
            lost_name = lost.current_revision.file.name
            raise RuntimeError("this part fails")
    assert default_storage.exists(kept.current_revision.file.name)
    assert not default_storage.exists(lost_name)
