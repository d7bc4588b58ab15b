"""Issue 16: hits on entries the SAT cleared are informative; 69-B rows sharing an RFC keep
both names; every hit says why it matched, on its page and in the API."""

from django.urls import reverse

from .. import services
from ..choices import HitStatus, PartnerStatus, Verdict, WatchlistSource
from ..models import ListEntry, Partner
from ..watchlists import parsers
from ..watchlists.importer import list_version_import
from .factories import create_partner, import_fixture

HEADER = (
    "Información actualizada al 15 de mayo de 2026\r\n"
    '"No","RFC","Nombre del Contribuyente","Situación del contribuyente"\r\n'
)


def _sat_69b(*rows) -> bytes:
    lines = [f'"{n}","{rfc}","{name}","{status}"' for n, (rfc, name, status) in enumerate(rows, 1)]
    return (HEADER + "\r\n".join(lines) + "\r\n").encode("cp1252")


def test_two_69b_rows_with_one_rfc_keep_both_names(world):
    content = _sat_69b(
        ("ABC0101019A1", "ABASTECEDORA CENTRAL, S.A. DE C.V.", "Definitivo"),
        ("ABC0101019A1", "GRUPO ABASTOS DEL CENTRO, S.A. DE C.V.", "Definitivo"),
        ("ABC0101019A1", "Abastecedora Central SA de CV", "Definitivo"),  # the same name again
    )
    (entry,) = parsers.parse_sat_69b(content).entries
    assert entry.name == "ABASTECEDORA CENTRAL, S.A. DE C.V."
    assert [name for _kind, name in entry.aliases] == ["GRUPO ABASTOS DEL CENTRO, S.A. DE C.V."]
    list_version_import(source=WatchlistSource.SAT_69B, content=content, file_name="69b.csv")
    stored = ListEntry.objects.get(entry_key="RFC:ABC0101019A1")
    assert [n.name for n in stored.names.all()] == ["GRUPO ABASTOS DEL CENTRO, S.A. DE C.V."]
    partner = create_partner(world, legal_name="Grupo Abastos del Centro, S.A.P.I. de C.V.")
    hit = partner.hits.get()
    assert hit.matched_name == "GRUPO ABASTOS DEL CENTRO, S.A. DE C.V." and hit.score == 100


def test_rows_with_the_generic_foreign_rfc_stay_apart():
    content = _sat_69b(
        ("XEXX010101000", "OVERSEAS TRADING LIMITED", "Definitivo"),
        ("XEXX010101000", "PACIFIC SOURCING INC", "Presunto"),
    )
    entries = parsers.parse_sat_69b(content).entries
    assert sorted(e.name for e in entries) == ["OVERSEAS TRADING LIMITED", "PACIFIC SOURCING INC"]
    assert all(e.entry_key.startswith("NAME:") and not e.aliases for e in entries)


def test_an_informative_hit_neither_blocks_nor_raises_the_risk(world, client_for):
    import_fixture()
    partner = create_partner(world, legal_name="Gómez López Ana", rfc="GOLA800101Q18")
    hit = partner.hits.get()  # 69-B "Sentencia Favorable", same RFC
    assert hit.informative and hit.status == HitStatus.INFORMATIVE
    assert not any(f["code"].startswith("watchlist") for f in partner.risk_factors)
    work_queue = client_for(world.carla).get(reverse("partners:hit_list")).content.decode()
    assert "Gómez López Ana" not in work_queue
    page = client_for(world.carla).get(reverse("partners:hit_detail", args=[hit.pk]))
    text = page.content.decode()
    assert "Informative: this entry does not block the partner." in text
    assert "Sentencia Favorable" in text
    services.hit_decide(
        actor=world.actor(world.carla),
        hit=hit,
        verdict=Verdict.TRUE_MATCH,
        reason="It is our supplier; the SAT cleared it in court.",
    )
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.status == PartnerStatus.ACTIVE
    assert not any(f["code"] == "watchlist_true_match" for f in partner.risk_factors)


def test_the_hit_page_and_the_api_say_why_the_names_match(world, client_for, api_for):
    import_fixture()
    partner = create_partner(world, legal_name="Transportes del Nortte Alamo")
    hit = partner.hits.get()
    assert hit.explanation["same"] == ["ALAMO", "TRANSPORTES"]
    assert hit.explanation["typos"] == [["NORTTE", "NORTE"]]
    page = client_for(world.carla).get(reverse("partners:hit_detail", args=[hit.pk]))
    text = page.content.decode()
    assert "Why this is a hit" in text and "NORTTE → NORTE" in text
    body = api_for(world.carla).get(f"/api/v1/screening-hits/{hit.pk}/").json()
    assert body["explanation"]["typos"] == [["NORTTE", "NORTE"]]
    assert body["informative"] is False


def test_an_rfc_hit_says_so(world, client_for):
    import_fixture()
    partner = create_partner(world, legal_name="Otro Nombre", rfc="LFE0805123A3")
    hit = partner.hits.get()
    assert hit.explanation == {"rfc": "LFE0805123A3"}
    page = client_for(world.carla).get(reverse("partners:hit_detail", args=[hit.pk]))
    assert "The partner's RFC LFE0805123A3 is the RFC of this list entry." in (
        page.content.decode()
    )
