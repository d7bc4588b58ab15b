"""Reading the lists as published, keeping versions, refusing bad files, fetching."""

import datetime
import functools
import http.server
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from ..choices import EntityType, NameKind, WatchlistSource
from ..models import ListEntry, ListImportAttempt, ListVersion
from ..watchlists import parsers
from ..watchlists.importer import list_version_import
from .factories import FIXTURES, fixture_bytes, import_fixture


def test_69b_is_read_as_published():
    parsed = parsers.parse_sat_69b(fixture_bytes("sat_69b.csv"))
    assert parsed.published_on == datetime.date(2026, 5, 15)
    by_name = {e.name: e for e in parsed.entries}
    fenix = by_name["LOGÍSTICA FÉNIX, S.A. DE C.V."]  # windows-1252 accents survive
    assert fenix.rfcs == ["LFE0805123A3"] and fenix.status == "Definitivo" and fenix.is_adverse
    assert fenix.entity_type == EntityType.COMPANY
    assert "500-05-2024-0001" in " ".join(fenix.details.values())
    suppressed = by_name["COMERCIALIZADORA ÑANDÚ DEL BAJÍO, S.A. DE C.V."]
    assert suppressed.rfcs == [] and suppressed.entry_key.startswith("NAME:")
    assert by_name["COMERCIAL BRAVO Y ASOCIADOS, S.C."].rfcs == ["CBR1203034M7"]  # embedded newline
    assert not by_name["DISTRIBUIDORA INDUSTRIAL DEL SURESTE, S.A. DE C.V."].is_adverse
    assert not by_name["GÓMEZ LÓPEZ ANA"].is_adverse  # Sentencia favorable
    assert by_name["GÓMEZ LÓPEZ ANA"].entity_type == EntityType.PERSON


def test_article_69_list_merges_repeated_rfcs():
    parsed = parsers.parse_sat_69(fixture_bytes("sat_69_firmes.csv"))
    assert len(parsed.entries) == 2
    person = next(e for e in parsed.entries if e.rfcs == ["PERJ700101AB3"] or "PEREZ" in e.name)
    assert person.entity_type == EntityType.PERSON


def test_ofac_sdn_with_aliases_and_rfc_in_remarks():
    parsed = parsers.parse_ofac(fixture_bytes("sdn.csv"), fixture_bytes("alt.csv"))
    entries = {e.entry_key: e for e in parsed.entries}
    assert set(entries) == {"101", "102", "103", "104"}  # the trailing EOF character is ignored
    assert entries["102"].entity_type == EntityType.PERSON
    assert entries["102"].rfcs and entries["102"].rfcs[0].startswith("ROVH700312")
    assert entries["103"].entity_type == EntityType.VESSEL
    assert (NameKind.AKA, "ESTRELLA DEL GOLFO COMERCIAL") in entries["101"].aliases
    assert (NameKind.FKA, "EDIFICADORA AZUL DEL PACIFICO") in entries["104"].aliases


def test_every_version_is_kept_with_date_and_hash(db):
    first = import_fixture()
    second = import_fixture(name="sat_69b_v2.csv")
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    assert first.sha256 != second.sha256 and len(second.sha256) == 64
    assert second.published_on == datetime.date(2026, 6, 30)
    assert ListEntry.objects.filter(version=first).count() == 6
    assert first.file.read().startswith("Información".encode("cp1252"))


def test_the_same_file_twice_changes_nothing(db):
    version = import_fixture()
    result = list_version_import(
        source=WatchlistSource.SAT_69B, content=fixture_bytes("sat_69b.csv"), file_name="again.csv"
    )
    assert not result.created and result.version == version
    assert "nothing changed" in result.message
    assert ListVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (fixture_bytes("wrong_columns_69b.csv"), "Wrong columns"),
        (fixture_bytes("sat_69b.csv").decode("cp1252").encode("utf-16"), "UTF-16"),
        (b"<!DOCTYPE html><html><body>Mantenimiento</body></html>", "web page"),
        (b"PK\x03\x04 not really a workbook", "Excel"),
        (b"Informaci\x81n actualizada\r\nRFC\r\n", "cannot be read"),
        (b"   ", "empty"),
    ],
)
def test_a_bad_file_is_refused_and_the_previous_version_stays(db, content, expected):
    current = import_fixture()
    with pytest.raises(ValidationError) as refused:
        list_version_import(source=WatchlistSource.SAT_69B, content=content, file_name="bad.csv")
    assert expected in " ".join(refused.value.messages)
    current.refresh_from_db()
    assert current.is_current and ListVersion.objects.count() == 1
    attempt = ListImportAttempt.objects.filter(succeeded=False).get()
    assert expected in attempt.message


def test_ofac_file_with_wrong_columns_names_the_row(db):
    with pytest.raises(ValidationError) as refused:
        list_version_import(
            source=WatchlistSource.OFAC_SDN, content=b'101,"ONLY NAME"\r\n', file_name="sdn.csv"
        )
    assert "row 1 has 2 columns" in refused.value.messages[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def list_server(monkeypatch):
    """The fixture files served over HTTP on 127.0.0.1 (never the internet)."""
    handler = functools.partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    yield base
    server.shutdown()
    server.server_close()


def test_lists_fetch_downloads_from_the_configured_addresses(db, list_server, monkeypatch, capsys):
    monkeypatch.setenv("WATCHLIST_URL_SAT_69B", list_server + "sat_69b.csv")
    monkeypatch.setenv("WATCHLIST_URL_OFAC_SDN", list_server + "sdn.csv")
    monkeypatch.setenv("WATCHLIST_URL_OFAC_SDN_ALT", list_server + "alt.csv")
    call_command("lists", "fetch", "sat_69b", "ofac_sdn")
    out = capsys.readouterr().out
    assert "6 entries" in out and "4 entries and 3 aliases" in out
    ofac = ListVersion.objects.get(source=WatchlistSource.OFAC_SDN)
    assert ofac.origin == list_server + "sdn.csv" and ofac.alias_count == 3
    call_command("lists", "status")
    assert "sat_69b" in capsys.readouterr().out


def test_a_failed_download_keeps_the_current_version(db, list_server, monkeypatch):
    current = import_fixture()
    monkeypatch.setenv("WATCHLIST_URL_SAT_69B", list_server + "missing.csv")
    with pytest.raises(CommandError):
        call_command("lists", "fetch", "sat_69b")
    current.refresh_from_db()
    assert current.is_current
    attempt = ListImportAttempt.objects.filter(succeeded=False).get()
    assert "404" in attempt.message


def test_fetch_refuses_non_http_addresses(db, monkeypatch):
    monkeypatch.setenv("WATCHLIST_URL_SAT_69B", "file:///etc/passwd")
    with pytest.raises(CommandError):
        call_command("lists", "fetch", "sat_69b")
    assert "http" in ListImportAttempt.objects.get().message


def test_lists_import_command_refuses_a_bad_file(db, tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_bytes(fixture_bytes("wrong_columns_69b.csv"))
    with pytest.raises(CommandError, match="Wrong columns"):
        call_command("lists", "import", "sat_69b", str(bad))
    call_command("lists", "import", "sat_69b", str(FIXTURES / "sat_69b.csv"))
    assert ListVersion.objects.get().entry_count == 6


def _cut_short(content: bytes, rows: int) -> bytes:
    """The file as an interrupted download leaves it: the preamble, the header and the
    first `rows` entries, then the middle of the next line."""
    lines = content.split(b"\r\n")
    return b"\r\n".join(lines[: 3 + rows]) + b"\r\n" + lines[3 + rows][:25]


def test_a_file_cut_short_does_not_replace_the_current_list(db, tmp_path):
    current = import_fixture()
    truncated = _cut_short(fixture_bytes("sat_69b.csv"), rows=2)
    with pytest.raises(ValidationError) as refused:
        list_version_import(
            source=WatchlistSource.SAT_69B, content=truncated, file_name="Listado_Completo.csv"
        )
    message = " ".join(refused.value.messages)
    assert "has 2 entries, less than half of the 6 entries of the current version" in message
    current.refresh_from_db()
    assert current.is_current and ListVersion.objects.count() == 1
    assert ListEntry.objects.filter(version__is_current=True).count() == 6
    assert "cut short" in ListImportAttempt.objects.get(succeeded=False).message

    # An operator who knows the list really shrank says so.
    short = tmp_path / "Listado_Completo.csv"
    short.write_bytes(truncated)
    with pytest.raises(CommandError, match="cut short"):
        call_command("lists", "import", "sat_69b", str(short))
    call_command("lists", "import", "sat_69b", str(short), "--allow-shrink")
    assert ListVersion.objects.get(is_current=True).entry_count == 2
