"""Uploaded files, the same way in every module.

- `inspect_upload(upload, kind=...)`: the type judged from the content, dangerous names refused,
  the kind's size limit (one setting per kind, see `kinds`);
- `StoredFile`: the model mixin holding the file and what was found about it;
- `store_upload(instance, upload, inspected)`: put it in storage inside `atomic_with_files()`,
  which deletes it again when the transaction rolls back;
- `resguardo.core.downloads.stored_file_response(...)` sends it back with the checked
  content type only.
"""

from .cleanup import atomic_with_files, track_stored_file
from .inspector import InspectedFile, inspect_upload
from .kinds import DOCUMENT, EVIDENCE, IMPORT, PHOTO, TRADE_DOCUMENT, UploadKind
from .storage import store_upload, stored_upload_changes

__all__ = [
    "DOCUMENT",
    "EVIDENCE",
    "IMPORT",
    "PHOTO",
    "TRADE_DOCUMENT",
    "InspectedFile",
    "UploadKind",
    "atomic_with_files",
    "inspect_upload",
    "store_upload",
    "stored_upload_changes",
    "track_stored_file",
]
