"""CFF art. 69-B Bis: read like the other SAT lists, and fetched only from an address the
operator sets (the SAT gives the file no stable name)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from resguardo.partners.choices import WatchlistSource
from resguardo.partners.watchlists import parsers
from resguardo.partners.watchlists.fetch import fetch_source


def _file(*rows: str) -> bytes:
    head = [
        "Información actualizada al 28 de noviembre de 2026",
        "No,RFC,Nombre del Contribuyente,Situación del contribuyente",
    ]
    return "\r\n".join([*head, *rows]).encode("windows-1252")


def test_the_69b_bis_file_is_read_with_rfc_name_and_situation():
    parsed = parsers.parse_sat_69b_bis(
        _file(
            '1,PEÑ0805123A1,"PÉRDIDAS DEL BAJÍO, S.A. DE C.V.",Definitivo',
            '2,XXXXXXXXXXXX,"ALGUIEN SIN RFC PUBLICADO",Presunto',
        )  # fmt: skip
    )
    first = parsed.entries[0]
    assert first.name == "PÉRDIDAS DEL BAJÍO, S.A. DE C.V."
    assert first.status == "Definitivo"
    assert str(parsed.published_on) == "2026-11-28"
    assert len(parsed.entries) == 2


def test_a_file_without_the_columns_is_refused_naming_them():
    with pytest.raises(ValidationError) as error:
        parsers.parse_sat_69b_bis(b"Folio,Contribuyente\r\n1,ALGUIEN\r\n")
    assert "69-B Bis" in " ".join(error.value.messages)
    assert "RFC" in " ".join(error.value.messages)


@pytest.mark.django_db
def test_fetching_without_an_address_says_how_to_load_it(monkeypatch):
    monkeypatch.delenv("WATCHLIST_URL_SAT_69B_BIS", raising=False)
    with pytest.raises(ValidationError) as error:
        fetch_source(WatchlistSource.SAT_69B_BIS)
    assert "WATCHLIST_URL_SAT_69B_BIS" in error.value.messages[0]
    assert "resguardo lists import sat_69b_bis FILE" in error.value.messages[0]


@pytest.mark.django_db
def test_lists_status_names_the_variable_to_set(monkeypatch, capsys):
    monkeypatch.delenv("WATCHLIST_URL_SAT_69B_BIS", raising=False)
    call_command("lists", "status")
    out = capsys.readouterr().out
    assert "sat_69b_bis" in out and "no address: set WATCHLIST_URL_SAT_69B_BIS" in out
