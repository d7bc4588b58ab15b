"""Readers for the lists in the formats they are published in.

- SAT Art. 69-B: CSV in windows-1252, a preamble ("Información actualizada al …") before a
  header whose columns include No, RFC, Nombre del Contribuyente, Situación del contribuyente.
- SAT Art. 69 (firmes, exigibles, no localizados, cancelados, sentencias): CSV with RFC,
  RAZÓN SOCIAL (or NOMBRE O RAZÓN SOCIAL), TIPO PERSONA, SUPUESTO and dates.
- OFAC: `sdn.csv` (12 columns, no header, "-0-" for null) and `alt.csv` (aliases).

Each reader gives a ParsedList or raises ListFormatError naming what is wrong. Nothing is
written here.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from resguardo.core.validators import GENERIC_RFCS, normalize_rfc, rfc_is_well_formed

from ..choices import EntityType, NameKind
from .normalize import normalize_name, strip_accents

MAX_SKIPPED_SHARE = 0.10
HEADER_SCAN_ROWS = 15
SPANISH_MONTHS = {
    "ENERO": 1,
    "FEBRERO": 2,
    "MARZO": 3,
    "ABRIL": 4,
    "MAYO": 5,
    "JUNIO": 6,
    "JULIO": 7,
    "AGOSTO": 8,
    "SEPTIEMBRE": 9,
    "SETIEMBRE": 9,
    "OCTUBRE": 10,
    "NOVIEMBRE": 11,
    "DICIEMBRE": 12,
}
SDN_COLUMNS = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
OFAC_NULL = "-0-"
_RFC_IN_TEXT = re.compile(
    r"R\.?\s?F\.?\s?C\.?\s*(?:NO\.?\s*|#\s*)?([A-Z&Ñ]{3,4}-?\d{6}-?[A-Z0-9]{3})"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+DE\s+([A-Z]+)\s+(?:DE\s+|DEL\s+)?(\d{4})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
NOT_ADVERSE_69B = frozenset({"DESVIRTUADO", "SENTENCIA FAVORABLE"})


class ListFormatError(ValidationError):
    """The file is not the list it claims to be (encoding, columns, content)."""


@dataclass
class ParsedEntry:
    entry_key: str
    name: str
    rfcs: list[str] = field(default_factory=list)
    entity_type: str = EntityType.UNKNOWN
    status: str = ""
    is_adverse: bool = True
    details: dict = field(default_factory=dict)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (kind, name)


@dataclass
class ParsedList:
    entries: list[ParsedEntry]
    published_on: datetime.date | None = None
    skipped: list[dict] = field(default_factory=list)  # {"row": n, "problem": text}

    @property
    def alias_count(self) -> int:
        return sum(len(e.aliases) for e in self.entries)


# --------------------------------------------------------------------------- decoding


def decode_list_file(content: bytes, *, expected: str = "windows-1252") -> str:
    """Text of a published CSV. Refuses what is clearly not one, naming what it is."""
    if not content or not content.strip():
        raise ListFormatError(_("The file is empty."), code="empty")
    head = content[:4096]
    if head.startswith(b"PK\x03\x04"):
        raise ListFormatError(
            _("This is an Excel or ZIP file, not the published CSV list."), code="not_csv"
        )
    if head.startswith(b"%PDF"):
        raise ListFormatError(_("This is a PDF file, not the published CSV list."), code="not_csv")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise ListFormatError(
            _(
                "The file is in UTF-16 or is binary; the list is published as a %(encoding)s "
                "CSV. Download it again without converting it."
            )
            % {"encoding": expected},
            code="encoding",
        )
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")):
        raise ListFormatError(
            _(
                "The file is a web page, not the CSV list: the address may have changed or "
                "the server answered with an error page."
            ),
            code="not_csv",
        )
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ListFormatError(
            _(
                "The file cannot be read as %(encoding)s: byte 0x%(byte)02X at position "
                "%(position)s is not a character. It may be damaged or in another encoding."
            )
            % {
                "encoding": expected,
                "byte": content[error.start],
                "position": error.start,
            },
            code="encoding",
        ) from None


def _rows(text: str):
    return csv.reader(io.StringIO(text, newline=""), strict=False)


def _header_key(cell: str) -> str:
    return " ".join(strip_accents(cell or "").upper().replace("\ufeff", "").split())


def _published_date(text: str) -> datetime.date | None:
    upper = strip_accents(text).upper()
    match = _DAY_MONTH_YEAR.search(upper)
    if match and match.group(2) in SPANISH_MONTHS:
        day, month, year = int(match.group(1)), SPANISH_MONTHS[match.group(2)], int(match.group(3))
    else:
        match = _NUMERIC_DATE.search(upper)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _find_header(rows, required: dict[str, tuple[str, ...]], list_label: str):
    """Scan the first rows for the header. `required` maps a field to accepted column names.
    Returns (row number, {field: column index}, header cells, preamble text)."""
    preamble = []
    seen = []
    for number, row in enumerate(rows, start=1):
        keys = [_header_key(c) for c in row]
        positions = {}
        for name, accepted in required.items():
            for index, key in enumerate(keys):
                if key in accepted:
                    positions[name] = index
                    break
        if len(positions) == len(required):
            return number, positions, keys, " ".join(preamble)
        if any(keys):
            seen.append(", ".join(c for c in row if c.strip())[:200])
            preamble.append(" ".join(row))
        if number >= HEADER_SCAN_ROWS:
            break
    expected = "; ".join(" / ".join(names) for names in required.values())
    raise ListFormatError(
        _(
            "Wrong columns for the %(list)s: no header with the columns %(expected)s was found "
            "in the first %(rows)s lines. The file starts with: %(start)s"
        )
        % {
            "list": list_label,
            "expected": expected,
            "rows": HEADER_SCAN_ROWS,
            "start": " | ".join(seen[:3]) or _("(nothing readable)"),
        },
        code="columns",
    )


def _entry_key(rfc: str, name: str) -> str:
    """Rows with one RFC are one taxpayer; a generic RFC (XEXX010101000) is shared by many, so
    those rows are told apart by name."""
    if rfc and rfc not in GENERIC_RFCS:
        return f"RFC:{rfc}"
    return f"NAME:{normalize_name(name)}"


def _entity_from_rfc(rfc: str) -> str:
    if rfc in GENERIC_RFCS:
        return EntityType.UNKNOWN
    if len(rfc) == 12:
        return EntityType.COMPANY
    if len(rfc) == 13:
        return EntityType.PERSON
    return EntityType.UNKNOWN


def _clean_rfc(value: str) -> str:
    rfc = normalize_rfc(value)
    if not rfc or set(rfc) == {"X"}:  # the SAT suppresses some RFCs as XXXXXXXXXXXX
        return ""
    return rfc if rfc_is_well_formed(rfc) else ""


def _check_skipped(parsed: ParsedList, total_rows: int, list_label: str) -> ParsedList:
    if not parsed.entries:
        raise ListFormatError(
            _("The %(list)s file has its header but no entries.") % {"list": list_label},
            code="no_entries",
        )
    if total_rows and len(parsed.skipped) > max(10, total_rows * MAX_SKIPPED_SHARE):
        first = "; ".join(
            _("row %(row)s: %(problem)s") % {"row": s["row"], "problem": s["problem"]}
            for s in parsed.skipped[:5]
        )
        raise ListFormatError(
            _(
                "%(count)s of %(total)s rows of the %(list)s file cannot be read, so the file "
                "was refused. First problems: %(first)s"
            )
            % {
                "count": len(parsed.skipped),
                "total": total_rows,
                "list": list_label,
                "first": first,
            },
            code="rows",
        )
    return parsed


def _merge(entries: dict[str, ParsedEntry], entry: ParsedEntry) -> None:
    """A second row for the same taxpayer: its status joins the first's, and a name written
    otherwise is kept as an alias (the SAT lists some RFCs twice, under two names)."""
    existing = entries.get(entry.entry_key)
    if existing is None:
        entries[entry.entry_key] = entry
        return
    known = {normalize_name(existing.name)} | {normalize_name(n) for _k, n in existing.aliases}
    if entry.name and normalize_name(entry.name) not in known:
        existing.aliases.append((NameKind.AKA, entry.name))
    if entry.status and entry.status not in existing.status.split("; "):
        existing.status = f"{existing.status}; {entry.status}" if existing.status else entry.status
    existing.is_adverse = existing.is_adverse or entry.is_adverse


# --------------------------------------------------------------------------- SAT 69-B


def parse_sat_69b(content: bytes) -> ParsedList:
    label = _("SAT Art. 69-B list")
    rows = _rows(decode_list_file(content))
    number, cols, header, preamble = _find_header(
        rows,
        {
            "rfc": ("RFC",),
            "name": ("NOMBRE DEL CONTRIBUYENTE",),
            "status": ("SITUACION DEL CONTRIBUYENTE",),
        },
        label,
    )
    entries: dict[str, ParsedEntry] = {}
    skipped = []
    total = 0
    width = max(cols.values()) + 1
    for row_number, row in enumerate(rows, start=number + 1):
        if not "".join(row).strip():
            continue
        total += 1
        if len(row) < width:
            skipped.append(
                {
                    "row": row_number,
                    "problem": _("has %(found)s columns, expected at least %(expected)s")
                    % {"found": len(row), "expected": width},
                }
            )
            continue
        name = " ".join(row[cols["name"]].split())
        rfc = _clean_rfc(row[cols["rfc"]])
        if not name:
            skipped.append({"row": row_number, "problem": _("no taxpayer name")})
            continue
        status = " ".join(row[cols["status"]].split())
        details = {
            header[i]: value.strip()
            for i, value in enumerate(row)
            if i < len(header) and header[i] and value.strip() and i not in cols.values()
        }
        _merge(
            entries,
            ParsedEntry(
                entry_key=_entry_key(rfc, name),
                name=name,
                rfcs=[rfc] if rfc else [],
                entity_type=_entity_from_rfc(rfc),
                status=status,
                is_adverse=_header_key(status) not in NOT_ADVERSE_69B,
                details=details,
            ),
        )
    parsed = ParsedList(list(entries.values()), _published_date(preamble), skipped)
    return _check_skipped(parsed, total, label)


# --------------------------------------------------------------------------- SAT Art. 69


SAT_NAME_COLUMNS = (
    "RAZON SOCIAL",
    "NOMBRE O RAZON SOCIAL",
    "NOMBRE, DENOMINACION O RAZON SOCIAL",
    "NOMBRE DEL CONTRIBUYENTE",
)


def parse_sat_69(content: bytes) -> ParsedList:
    return _parse_sat_table(content, label=_("SAT Art. 69 list"))


def parse_sat_69b_bis(content: bytes) -> ParsedList:
    """CFF art. 69-B Bis (taxpayers that transferred tax losses improperly). Read like the
    other SAT lists: a preamble, then a header naming the RFC and the taxpayer's name, found by
    column name without regard to accents; a "Situación" or "Supuesto" column, when present,
    is kept as the entry's status."""
    return _parse_sat_table(content, label=_("SAT Art. 69-B Bis list"))


def _parse_sat_table(content: bytes, *, label) -> ParsedList:
    rows = _rows(decode_list_file(content))
    number, cols, header, preamble = _find_header(
        rows, {"rfc": ("RFC",), "name": SAT_NAME_COLUMNS}, label
    )
    kind_col = next((i for i, k in enumerate(header) if k == "TIPO PERSONA"), None)
    case_col = next(
        (i for i, k in enumerate(header) if k.startswith(("SUPUESTO", "SITUACION"))), None
    )
    entries: dict[str, ParsedEntry] = {}
    skipped = []
    total = 0
    width = max(cols.values()) + 1
    for row_number, row in enumerate(rows, start=number + 1):
        if not "".join(row).strip():
            continue
        total += 1
        if len(row) < width:
            skipped.append(
                {
                    "row": row_number,
                    "problem": _("has %(found)s columns, expected at least %(expected)s")
                    % {"found": len(row), "expected": width},
                }
            )
            continue
        name = " ".join(row[cols["name"]].split())
        rfc = _clean_rfc(row[cols["rfc"]])
        if not name and not rfc:
            skipped.append({"row": row_number, "problem": _("no RFC and no name")})
            continue
        entity = _entity_from_rfc(rfc)
        if kind_col is not None and kind_col < len(row):
            entity = {"F": EntityType.PERSON, "M": EntityType.COMPANY}.get(
                row[kind_col].strip().upper(), entity
            )
        details = {
            header[i]: value.strip()
            for i, value in enumerate(row)
            if i < len(header) and header[i] and value.strip() and i not in cols.values()
        }
        _merge(
            entries,
            ParsedEntry(
                entry_key=_entry_key(rfc, name),
                name=name or rfc,
                rfcs=[rfc] if rfc else [],
                entity_type=entity,
                status=row[case_col].strip()
                if case_col is not None and case_col < len(row)
                else "",
                details=details,
            ),
        )
    parsed = ParsedList(list(entries.values()), _published_date(preamble), skipped)
    return _check_skipped(parsed, total, label)


# --------------------------------------------------------------------------- OFAC


def _ofac(value: str) -> str:
    value = (value or "").strip()
    return "" if value == OFAC_NULL else value


def _ofac_rows(text: str, columns: tuple[str, ...], file_label: str):
    """Data rows of an OFAC CSV, checking the column count of every row."""
    for number, row in enumerate(_rows(text), start=1):
        if not row or (len(row) == 1 and row[0].strip() in ("", "\x1a")):
            continue
        if number == 1 and [c.strip().lower() for c in row] == [c.lower() for c in columns]:
            continue  # tolerate a header row added by hand
        if len(row) != len(columns):
            raise ListFormatError(
                _(
                    "Wrong columns in %(file)s: row %(row)s has %(found)s columns, but the file "
                    "has %(expected)s columns without a header (%(names)s)."
                )
                % {
                    "file": file_label,
                    "row": number,
                    "found": len(row),
                    "expected": len(columns),
                    "names": ", ".join(columns),
                },
                code="columns",
            )
        if not row[0].strip().isdigit():
            raise ListFormatError(
                _(
                    "Wrong columns in %(file)s: row %(row)s does not start with an entry number "
                    "(found “%(value)s”)."
                )
                % {"file": file_label, "row": number, "value": row[0][:40]},
                code="columns",
            )
        yield number, row


def _rfcs_in(text: str) -> list[str]:
    found = []
    for raw in _RFC_IN_TEXT.findall(strip_accents(text).upper()):
        rfc = normalize_rfc(raw)
        if rfc_is_well_formed(rfc) and rfc not in found:
            found.append(rfc)
    return found


_OFAC_TYPES = {
    "individual": EntityType.PERSON,
    "vessel": EntityType.VESSEL,
    "aircraft": EntityType.AIRCRAFT,
}
_ALT_KINDS = {"aka": NameKind.AKA, "fka": NameKind.FKA, "nka": NameKind.NKA}


def parse_ofac(sdn_content: bytes, alt_content: bytes | None = None) -> ParsedList:
    entries: dict[str, ParsedEntry] = {}
    for _number, row in _ofac_rows(
        decode_list_file(sdn_content, expected="ASCII"), SDN_COLUMNS, "sdn.csv"
    ):
        ent_num = row[0].strip()
        remarks = _ofac(row[11])
        details = {
            key: _ofac(row[i])
            for i, key in enumerate(SDN_COLUMNS)
            if i not in (0, 1) and _ofac(row[i])
        }
        entries[ent_num] = ParsedEntry(
            entry_key=ent_num,
            name=" ".join(_ofac(row[1]).split()),
            rfcs=_rfcs_in(remarks),
            entity_type=_OFAC_TYPES.get(_ofac(row[2]).lower(), EntityType.COMPANY),
            status=_ofac(row[3]),
            details=details,
        )
    if not entries:
        raise ListFormatError(_("The sdn.csv file has no entries."), code="no_entries")
    skipped = []
    if alt_content:
        for number, row in _ofac_rows(
            decode_list_file(alt_content, expected="ASCII"), ALT_COLUMNS, "alt.csv"
        ):
            entry = entries.get(row[0].strip())
            alias = " ".join(_ofac(row[3]).split())
            if entry is None:
                skipped.append(
                    {"row": number, "problem": _("alias of an entry that is not in sdn.csv")}
                )
                continue
            if alias:
                entry.aliases.append((_ALT_KINDS.get(_ofac(row[2]).lower(), NameKind.AKA), alias))
    return ParsedList(list(entries.values()), None, skipped)
