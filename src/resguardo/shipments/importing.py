"""Reading shipment rows from CSV or XLSX files, with Spanish or English column names."""

import csv
import datetime
import functools
import io
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import ContainerKind, ImportFormat, Operation, TransportMode

COLUMN_ALIASES = {
    "pedimento": ("pedimento", "num_pedimento", "numero_de_pedimento", "no_pedimento"),
    "site": ("site", "instalacion", "sitio", "oficina"),
    "reference": ("reference", "referencia", "trafico", "ref"),
    "operation": ("operation", "operacion", "tipo_de_operacion", "tipo_operacion"),
    "mode": ("mode", "transport_mode", "modo", "medio_de_transporte", "medio", "transporte"),
    "client_name": ("client", "client_name", "cliente", "importador_exportador"),
    "client_rfc": ("client_rfc", "rfc", "rfc_cliente", "rfc_del_cliente"),
    "operation_date": (
        "operation_date",
        "date",
        "fecha",
        "fecha_de_operacion",
        "fecha_de_la_operacion",
        "fecha_operacion",
    ),
    "containers": ("containers", "container", "contenedores", "contenedor"),
    "container_kind": ("container_kind", "tipo_de_contenedor", "tipo_contenedor"),
    "trailer_number": ("trailer", "trailer_number", "remolque", "caja", "numero_de_remolque"),
    "trailer_plates": ("trailer_plates", "placas_remolque", "placas_del_remolque"),
    "tractor_plates": (
        "tractor_plates",
        "placas_tractor",
        "placas_del_tractor",
        "placas_del_tractocamion",
        "placas",
    ),
    "carrier_name": ("carrier", "carrier_name", "transportista", "linea_transportista"),
    "driver_name": ("driver", "driver_name", "operador", "chofer", "conductor"),
    "driver_license": ("driver_license", "licencia", "licencia_federal"),
    "document_seal_numbers": (
        "seals",
        "seal_numbers",
        "seal_numbers_in_the_documents",
        "sellos",
        "numeros_de_sello",
        "numeros_de_sello_en_los_documentos",
        "candados",
    ),
    "notes": ("notes", "notas", "observaciones"),
}
REQUIRED_COLUMNS = ("pedimento", "operation", "mode", "client_name", "operation_date")

OPERATION_WORDS = {
    Operation.IMPORT: ("import", "importacion", "imp", "i"),
    Operation.EXPORT: ("export", "exportacion", "exp", "e"),
    Operation.TRANSIT: ("transit", "transito", "t"),
}
MODE_WORDS = {
    TransportMode.ROAD: ("road", "carretero", "terrestre", "autotransporte", "camion", "truck"),
    TransportMode.RAIL: ("rail", "ferroviario", "ferrocarril", "tren"),
    TransportMode.SEA: ("sea", "maritimo", "barco", "mar", "ocean"),
    TransportMode.AIR: ("air", "aereo", "avion"),
    TransportMode.MULTIMODAL: ("multimodal", "intermodal"),
}
CONTAINER_KIND_WORDS = {
    ContainerKind.DRY: ("dry", "seco", "caja_seca", "dry_van"),
    ContainerKind.REEFER: ("reefer", "refrigerado", "refrigerated"),
    ContainerKind.TANK: ("tank", "tanque", "isotanque"),
    ContainerKind.OPEN_TOP: ("open_top", "techo_abierto"),
    ContainerKind.FLAT_RACK: ("flat_rack", "plataforma"),
}


@functools.lru_cache(maxsize=4096)
def simplify(text) -> str:
    """Lower case, no accents, words joined by underscores: 'Fecha de Operación' →
    'fecha_de_operacion'."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return "_".join(text.lower().replace("-", " ").replace(".", " ").split())


def _lookup(words: dict) -> dict:
    return {simplify(w): key for key, aliases in words.items() for w in (key, *aliases)}


_COLUMNS = _lookup(COLUMN_ALIASES)
_OPERATIONS = _lookup(OPERATION_WORDS)
_MODES = _lookup(MODE_WORDS)
_CONTAINER_KINDS = _lookup(CONTAINER_KIND_WORDS)


def map_header(header: list) -> tuple[dict[int, str], list[str]]:
    """Column index → field name, and the names of unknown columns."""
    mapping, unknown = {}, []
    for index, title in enumerate(header):
        key = _COLUMNS.get(simplify(title))
        if key is None:
            if str(title or "").strip():
                unknown.append(str(title))
        elif key not in mapping.values():
            mapping[index] = key
    return mapping, unknown


def operation_value(text) -> str | None:
    return _OPERATIONS.get(simplify(text)) if text not in (None, "") else None


def mode_value(text) -> str | None:
    return _MODES.get(simplify(text)) if text not in (None, "") else None


def container_kind_value(text) -> str | None:
    if text in (None, ""):
        return ContainerKind.DRY
    return _CONTAINER_KINDS.get(simplify(text))


def date_value(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if len(text) == 10 and text[4] == "-":
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return None
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def split_list(value) -> list[str]:
    text = str(value or "").replace(",", " ").replace(";", " ").replace("|", " ")
    return [part for part in text.split() if part]


def detect_format(file_name: str, head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return ImportFormat.XLSX
    if file_name.lower().endswith((".xlsx", ".xlsm")):
        raise ValidationError(_("The file is not a valid Excel (.xlsx) workbook."))
    return ImportFormat.CSV


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Mexico often saves CSV as Windows-1252.
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes):
    """(header, rows) where rows yields (row_number, list of cells)."""
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise ValidationError(_("The file is empty."))
    return header, (
        (n, row) for n, row in enumerate(reader, start=2) if any(c.strip() for c in row)
    )


def read_xlsx(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many types for bad files
        raise ValidationError(
            _("The file is not a valid Excel (.xlsx) workbook (%(error)s).") % {"error": error}
        ) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ValidationError(_("The file is empty."))

    def body():
        for number, row in enumerate(rows, start=2):
            if any(cell not in (None, "") for cell in row):
                yield number, ["" if cell is None else cell for cell in row]
        workbook.close()

    return list(header), body()


def read_rows(data: bytes, file_format: str):
    return read_xlsx(data) if file_format == ImportFormat.XLSX else read_csv(data)
