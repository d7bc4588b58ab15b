"""The words of a shipment import: column names and values in Spanish or English. Reading
the file itself is core's (`resguardo.core.tabular`)."""

import datetime

from resguardo.core.selectors import recordable_sites
from resguardo.core.tabular import HeaderMap, simplify

from .choices import ContainerKind, Operation, TransportMode

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


def _lookup(words: dict) -> dict:
    return {simplify(w): key for key, aliases in words.items() for w in (key, *aliases)}


HEADERS = HeaderMap(COLUMN_ALIASES)
_OPERATIONS = _lookup(OPERATION_WORDS)
_MODES = _lookup(MODE_WORDS)
_CONTAINER_KINDS = _lookup(CONTAINER_KIND_WORDS)


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


def site_from_options(membership, options: dict):
    """The default site chosen with a staged upload, if the member may still record there."""
    if not options.get("site"):
        return None
    return recordable_sites(membership=membership).filter(pk=options["site"]).first()
