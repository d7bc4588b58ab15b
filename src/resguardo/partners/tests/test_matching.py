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


# --------------------------------------------------------------------------- issue 16 causes


def _index_of(*rows):
    """An index of (key, name, aliases) rows."""
    entries, names = [], []
    for position, (key, name, aliases) in enumerate(rows):
        entries.append(IndexedEntry(position + 100, 1, "ofac_sdn", key, name, ()))
        names.append((position, name, normalize_name(name), False))
        names.extend((position, a, normalize_name(a), True) for a in aliases)
    return WatchlistIndex(entries, names)


def _hits(index, partner, threshold=88):
    return {
        m.entry.entry_key
        for m in index.match_partner(names=[partner], rfc="")
        if m.score >= threshold
    }


def test_an_added_word_is_another_party_but_a_typo_is_not():
    index = _index_of(("T", "COMERCIALIZADORA TENOCHTITLAN, S.A. DE C.V.", []))
    assert _hits(index, "Comercializadora Tenochtitlan López, S.A. de C.V.") == set()
    assert _hits(index, "Comercializadora Tenochtitlán") == {"T"}
    assert _hits(index, "Comercializadora Tenochtitaln") == {"T"}


def test_a_word_starting_otherwise_is_another_word():
    index = _index_of(("I", "IMPORTADORA AZTECA OROZCO", []), ("H", "HERNANDEZ RUIZ, Ana", []))
    assert _hits(index, "Exportadora Azteca Orozco") == set()
    assert _hits(index, "Ana Fernández Ruiz") == set()
    assert _hits(index, "Importadora Aztecca Orozco") == {"I"}
    assert _hits(index, "Ana Hernández Ruiz") == {"H"}


def test_a_foreign_legal_form_does_not_hide_the_entry():
    rows = [("A", "ALPHA LOGISTICS", [])]
    # Other entries make "FZE" the rarest word of the partner's name for a plain lookup.
    rows += [(f"F{n}", f"LOGISTICS BETA{n} FZE", []) for n in range(3)]
    rows += [(f"L{n}", f"ALPHA LOGISTICS GRUPO{n}", []) for n in range(400)]
    index = _index_of(*rows)
    assert "A" in _hits(index, "Alpha Logistics FZE")
    assert "A" in _hits(index, "Alpha Logistics GmbH")
    assert normalize_name("Alpha Logistics FZE") == "ALPHA LOGISTICS"


def test_capital_is_part_of_a_name_unless_it_is_capital_variable():
    assert normalize_name("Grupo Balo Capital") == "GRUPO BALO CAPITAL"
    assert normalize_name("Grupo Balo, Sociedad Anónima de Capital Variable") == "GRUPO BALO"
    index = _index_of(("G", "GRUPO BALO, S.A. DE C.V.", []), ("C", "BALO CAPITAL, S.C.", []))
    assert _hits(index, "Grupo Balo Capital, S.A.P.I. de C.V.") == set()
    assert _hits(index, "Balo Capital, S.A. de C.V.") == {"C"}


def test_a_three_letter_word_may_have_a_doubled_or_swapped_letter():
    index = _index_of(("E", "CORTES VEGA, Eva", []), ("K", "GRUPO TLK BALOKE", []))
    assert _hits(index, "Evva Cortés Vega") == {"E"}
    assert _hits(index, "Grupo TKL Baloke") == {"K"}
    assert _hits(index, "Eve Cortés Vega") == set()  # another letter: another name


def test_a_misspelt_rarest_word_still_finds_the_entry():
    rows = [("E", "CORTES VEGA, Eva", [])]
    rows += [(f"C{n}", f"CORTES LUNA{n}, Ana", []) for n in range(300)]
    rows += [(f"V{n}", f"VEGA SOTO{n}, Ana", []) for n in range(300)]
    rows += [("X", "EVAL SISTEMAS", [])]  # "EVAA" shares a blocking key with "EVAL" only
    index = _index_of(*rows)
    assert "E" in _hits(index, "Evaa Cortés Vega")


def test_every_hit_says_which_words_matched_and_which_differed():
    index = _index_of(("T", "TRANSPORTES DEL NORTE ALAMO", []))
    (match,) = index.match_partner(names=["Transportes del Nortte Alamo Sur"], rfc="", cutoff=80)
    explanation = match.explanation.as_dict()
    assert explanation["same"] == ["ALAMO", "TRANSPORTES"]
    assert explanation["typos"] == [["NORTTE", "NORTE"]]
    assert explanation["extra"] == ["SUR"]
    assert explanation["missing"] == []
    assert explanation["penalty"] == 10


def test_the_generic_foreign_rfc_is_never_matched():
    entries = [IndexedEntry(1, 1, "sat_69b", "NAME:X", "EMPRESA X", ("XEXX010101000",))]
    index = WatchlistIndex(entries, [(0, "EMPRESA X", "EMPRESA X", False)])
    assert index.match_partner(names=["Otra Empresa"], rfc="XEXX010101000") == []
