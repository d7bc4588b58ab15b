"""The report of an import: every problem found, row by row, and what was (or would be) done."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowProblem:
    row: int  # the row number as the spreadsheet shows it (1 is the header)
    column: str
    message: str

    @property
    def problem(self) -> str:  # the partners API and pages call the message "problem"
        return self.message


@dataclass
class ImportReport:
    """Imports are all or nothing: `ok` only when no row has an error. Warnings never block.

    `rows` counts the data rows read; `written` the records created or changed; `changes`
    lists what would change (or changed), in the importing app's own terms; `details` holds
    the few figures one app adds (containers of a shipment import, the batch written).
    """

    file_name: str = ""
    dry_run: bool = True
    file_format: str = ""
    sha256: str = ""
    rows: int = 0
    written: int = 0
    applied: bool = False
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    changes: list = field(default_factory=list)
    details: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    def error(self, row: int, column: str, message) -> None:
        self.errors.append(RowProblem(row, column, str(message)))

    def warn(self, row: int, column: str, message) -> None:
        self.warnings.append(RowProblem(row, column, str(message)))

    def problems_as_dicts(self, which: str = "errors", message_key: str = "message") -> list:
        return [
            {"row": p.row, "column": p.column, message_key: p.message} for p in getattr(self, which)
        ]
