"""Where each list is published and how its file is read.

The addresses change from time to time (the SAT moved its open-data files in 2025), so each
one can be set with an environment variable; see .env.example.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass

from ..choices import WatchlistSource
from . import parsers

_SAT = "http://omawww.sat.gob.mx/cifras_sat/Documents/"
_OFAC = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"


@dataclass(frozen=True)
class SourceSpec:
    source: WatchlistSource
    url_variable: str
    default_url: str
    parse: Callable
    alias_variable: str = ""  # OFAC: the companion aliases file
    default_alias_url: str = ""

    @property
    def url(self) -> str:
        return os.environ.get(self.url_variable, "").strip() or self.default_url

    @property
    def has_address(self) -> bool:
        return bool(self.url)

    @property
    def alias_url(self) -> str:
        if not self.alias_variable:
            return ""
        return os.environ.get(self.alias_variable, "").strip() or self.default_alias_url

    @property
    def has_aliases(self) -> bool:
        return bool(self.alias_variable)


SOURCES: dict[str, SourceSpec] = {
    spec.source.value: spec
    for spec in [
        SourceSpec(
            WatchlistSource.SAT_69B,
            "WATCHLIST_URL_SAT_69B",
            _SAT + "Listado_Completo_69-B.csv",
            parsers.parse_sat_69b,
        ),
        # The SAT publishes 69-B Bis among its open data with no stable file name: set the
        # address, or import the downloaded file with `resguardo lists import sat_69b_bis FILE`.
        SourceSpec(
            WatchlistSource.SAT_69B_BIS,
            "WATCHLIST_URL_SAT_69B_BIS",
            "",
            parsers.parse_sat_69b_bis,
        ),
        SourceSpec(
            WatchlistSource.SAT_69_FIRMES,
            "WATCHLIST_URL_SAT_69_FIRMES",
            _SAT + "Firmes.csv",
            parsers.parse_sat_69,
        ),
        SourceSpec(
            WatchlistSource.SAT_69_EXIGIBLES,
            "WATCHLIST_URL_SAT_69_EXIGIBLES",
            _SAT + "Exigibles.csv",
            parsers.parse_sat_69,
        ),
        SourceSpec(
            WatchlistSource.SAT_69_NO_LOCALIZADOS,
            "WATCHLIST_URL_SAT_69_NO_LOCALIZADOS",
            _SAT + "No%20localizados.csv",
            parsers.parse_sat_69,
        ),
        SourceSpec(
            WatchlistSource.SAT_69_CANCELADOS,
            "WATCHLIST_URL_SAT_69_CANCELADOS",
            _SAT + "Cancelados.csv",
            parsers.parse_sat_69,
        ),
        SourceSpec(
            WatchlistSource.SAT_69_SENTENCIAS,
            "WATCHLIST_URL_SAT_69_SENTENCIAS",
            _SAT + "Sentencias.csv",
            parsers.parse_sat_69,
        ),
        SourceSpec(
            WatchlistSource.OFAC_SDN,
            "WATCHLIST_URL_OFAC_SDN",
            _OFAC + "SDN.CSV",
            parsers.parse_ofac,
            alias_variable="WATCHLIST_URL_OFAC_SDN_ALT",
            default_alias_url=_OFAC + "ALT.CSV",
        ),
        SourceSpec(
            WatchlistSource.OFAC_CONSOLIDATED,
            "WATCHLIST_URL_OFAC_CONS",
            _OFAC + "CONS_PRIM.CSV",
            parsers.parse_ofac,
            alias_variable="WATCHLIST_URL_OFAC_CONS_ALT",
            default_alias_url=_OFAC + "CONS_ALT.CSV",
        ),
    ]
}


def get_source(source: str) -> SourceSpec:
    return SOURCES[source]


def parse(source: str, content: bytes, alias_content: bytes | None = None):
    spec = get_source(source)
    if spec.has_aliases:
        return spec.parse(content, alias_content)
    return spec.parse(content)
