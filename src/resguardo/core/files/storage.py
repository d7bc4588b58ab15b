"""Putting an inspected upload into storage, tied to the transaction that records it."""

from .cleanup import track_stored_file
from .inspector import InspectedFile
from .names import extension_of


def stored_upload_changes(instance, upload, inspected: InspectedFile) -> dict:
    """Save the upload for `instance` (a StoredFile) and return the field values describing
    it, without touching the instance: pass them to `update_audited(changes=...)`.

    Must run inside `atomic_with_files()`: if the transaction then rolls back (a later check
    fails, a conflict, an error in an enclosing import), the stored file is deleted again.
    """
    field = instance._meta.get_field("file")
    stem = inspected.name.rsplit(".", 1)[0] if extension_of(inspected.name) else inspected.name
    upload.seek(0)
    name = field.storage.save(
        field.generate_filename(instance, f"{stem or 'file'}.{inspected.extension}"),
        upload,
        max_length=field.max_length,
    )
    track_stored_file(field.storage, name)
    return {
        "file": name,
        "original_name": inspected.name,
        "content_type": inspected.content_type,
        "size": inspected.size,
        "sha256": inspected.sha256,
    }


def store_upload(instance, upload, inspected: InspectedFile) -> None:
    """Save the upload into a new (unsaved) `instance` and fill the fields describing it."""
    for name, value in stored_upload_changes(instance, upload, inspected).items():
        setattr(instance, name, value)
