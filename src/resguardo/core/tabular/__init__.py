"""One tabular kit for every import: CSV/XLSX reading within limits, header mapping in Spanish
and English, one report type, and staged imports (upload → dry-run report → confirm) that keep
the file in storage. The staged import page is `resguardo.core.tabular.views.StagedImportView`.
"""

from .headers import HeaderMap, row_values, simplify
from .reading import (
    CSV,
    XLSX,
    Limits,
    OverLimit,
    Table,
    UnreadableFile,
    XlsxBook,
    file_format,
    read_table,
)
from .report import ImportReport, RowProblem
from .staging import (
    StagedFileChanged,
    staged_import_create,
    staged_import_discard,
    staged_import_get,
    staged_import_read,
    staged_imports_purge,
)

__all__ = [
    "CSV",
    "XLSX",
    "HeaderMap",
    "ImportReport",
    "Limits",
    "OverLimit",
    "RowProblem",
    "StagedFileChanged",
    "Table",
    "UnreadableFile",
    "XlsxBook",
    "file_format",
    "read_table",
    "row_values",
    "simplify",
    "staged_import_create",
    "staged_import_discard",
    "staged_import_get",
    "staged_import_read",
    "staged_imports_purge",
]
