"""Name normalisation and the fuzzy matcher, without a database."""

import pytest

from ..watchlists.matcher import IndexedEntry, WatchlistIndex, words_correspond
from ..watchlists.normalize import normalize_name, sorted_key


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Transportes del Norte, S.A. de C.V.", "TRANSPORTES NORTE"),
        ("TRANSPORTES DEL NORTE SA DE CV", "TRANSPORTES NORTE"),
        ("Logística Fénix S. de R.L. de C.V.", "LOGISTICA FENIX"),
        ("Grupo Alfa SAPI de CV", "GRUPO ALFA"),
        ("Grupo Alfa, S.A.P.I. de C.V.", "GRUPO ALFA"),
        ("Consultores X, S.C.", "CONSULTORES X"),
        ("Acme Holdings, LLC", "ACME HOLDINGS"),
        ("ACME CO., LTD.", "ACME"),
        ("Acme Inc.", "ACME"),
        ("Acme Corp", "ACME"),
        ("I.B.M. S.A.", "IBM"),
        ("GUZMAN LOERA, Joaquín", "GUZMAN LOERA JOAQUIN"),
        ("Compañía Ñandú", "COMPANIA NANDU"),
    ],
)
def test_normalisation(written, normal):
    assert normalize_name(written) == normal


def test_word_order_does_not_matter():
    assert sorted_key(normalize_name("GUZMAN LOERA, Joaquin")) == sorted_key(
        normalize_name("Joaquín Guzmán Loera")
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("RUIZ GOMEZ ROBERTO", "RUIZ GOMEZ ROBERTO ANA", True),  # middle name left out
        ("LEON GARCIA DANIELA", "LUNA GARCIA DANIELA", False),
        ("TRANSPORTES GARZA", "TRANSPORTES GARCIA", False),
        ("TRANSPORTES GARZA", "TRANSPORTES GRAZA", True),  # one transposition
        ("INMOBILIARIA ORTEGA", "INMOBILAIRIA ORTGA", True),
        ("ABC", "ABD", False),  # short words must be equal
    ],
)
def test_every_word_of_the_shorter_name_needs_a_counterpart(a, b, expected):
    assert words_correspond(a, b) is expected


@pytest.fixture
def index():
    rows = [
        ("1", "TRANSPORTES DEL NORTE ALAMO, S. DE R.L. DE C.V.", [], ("TNO9901017K5",)),
        ("2", "GUZMAN LOERA, Joaquin", ["EL CHAPO GUZMAN", "GUZMAN, Joaquin Archivaldo"], ()),
        ("3", "COMERCIALIZADORA PACIFICO NORTE, S.A. DE C.V.", [], ()),
        ("4", "LUNA GARCIA, Daniela", [], ()),
    ]
    entries, names = [], []
    for position, (key, name, aliases, rfcs) in enumerate(rows):
        entries.append(IndexedEntry(position + 10, 1, "sat_69b", key, name, rfcs))
        names.append((position, name, normalize_name(name), False))
        names.extend((position, a, normalize_name(a), True) for a in aliases)
    return WatchlistIndex(entries, names)


@pytest.mark.parametrize(
    ("partner", "key"),
    [
        ("Transportes del Norte Álamo, S.A. de C.V.", "1"),  # accents, other legal form
        ("ALAMO TRANSPORTES NORTE", "1"),  # word order
        ("Transportes del Nortte Alamo", "1"),  # typo
        ("Joaquín Guzmán Loera", "2"),
        ("El Chapo Guzmán", "2"),  # alias
        ("Comercializadora Pacífico Norte SAPI de CV", "3"),
    ],
)
def test_name_variants_are_found(index, partner, key):
    matches = index.match_partner(names=[partner], rfc="")
    assert key in {m.entry.entry_key for m in matches if m.score >= 88}


def test_alias_match_says_so(index):
    match = index.match_partner(names=["El Chapo Guzman"], rfc="")[0]
    assert match.is_alias and match.matched_name == "EL CHAPO GUZMAN"


def test_different_names_are_not_matched(index):
    for partner in (
        "Daniela León García",
        "Transportes del Sur Álamo",
        "Comercializadora Atlántico",
    ):
        assert not [m for m in index.match_partner(names=[partner], rfc="") if m.score >= 88]


def test_exact_rfc_beats_any_name(index):
    matches = index.match_partner(names=["Otro Nombre Cualquiera"], rfc="TNO9901017K5")
    assert [(m.entry.entry_key, m.is_rfc, m.score) for m in matches] == [("1", True, 100)]
