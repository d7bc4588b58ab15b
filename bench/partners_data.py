"""Synthetic watchlist and partner data for the partners benchmarks (no real names).

Company names are built from common Mexican business words plus invented distinctive words,
people from first names and surnames, so the list has the same kind of near-duplicates as
the real SAT and OFAC files."""

import random
import unicodedata

BUSINESS = [
    "COMERCIALIZADORA",
    "SERVICIOS",
    "GRUPO",
    "TRANSPORTES",
    "DISTRIBUIDORA",
    "CONSTRUCTORA",
    "INMOBILIARIA",
    "CONSULTORES",
    "IMPORTADORA",
    "EXPORTADORA",
    "LOGISTICA",
    "INDUSTRIAS",
    "ALIMENTOS",
    "TECNOLOGIA",
    "SOLUCIONES",
    "PROVEEDORA",
    "AGROPECUARIA",
    "FARMACEUTICA",
    "TEXTILES",
    "METALES",
    "PLASTICOS",
    "ENERGIA",
    "DESARROLLOS",
    "CORPORATIVO",
    "ASESORES",
    "MANUFACTURAS",
    "AUTOTRANSPORTES",
    "ALMACENADORA",
    "EDIFICACIONES",
    "SISTEMAS",
]
QUALIFIERS = [
    "INTEGRALES",
    "INDUSTRIAL",
    "EMPRESARIAL",
    "GLOBAL",
    "INTERNACIONAL",
    "NACIONAL",
    "PROFESIONALES",
    "ESPECIALIZADOS",
    "DEL NORTE",
    "DEL PACIFICO",
    "DEL GOLFO",
    "DEL BAJIO",
    "DE MEXICO",
    "DEL SURESTE",
    "UNIDOS",
    "AVANZADOS",
    "MODERNOS",
]
SURNAMES = [
    "GARCIA",
    "HERNANDEZ",
    "MARTINEZ",
    "LOPEZ",
    "GONZALEZ",
    "RODRIGUEZ",
    "PEREZ",
    "SANCHEZ",
    "RAMIREZ",
    "CRUZ",
    "FLORES",
    "GOMEZ",
    "MORALES",
    "VAZQUEZ",
    "JIMENEZ",
    "REYES",
    "DIAZ",
    "TORRES",
    "GUTIERREZ",
    "RUIZ",
    "MENDOZA",
    "AGUILAR",
    "ORTIZ",
    "CASTILLO",
    "MORENO",
    "ROMERO",
    "ALVAREZ",
    "CHAVEZ",
    "RIVERA",
    "JUAREZ",
    "RAMOS",
    "DOMINGUEZ",
    "HERRERA",
    "MEDINA",
    "CASTRO",
    "VARGAS",
    "GUZMAN",
    "VELAZQUEZ",
    "MUNOZ",
    "ROJAS",
    "CONTRERAS",
    "SALAZAR",
    "LUNA",
    "ORTEGA",
    "SANTIAGO",
    "GUERRERO",
    "BAUTISTA",
    "CORTES",
    "SOTO",
    "ALVARADO",
    "ESPINOZA",
    "LARA",
    "AVILA",
    "RIOS",
    "CERVANTES",
    "SILVA",
    "DELGADO",
    "VEGA",
    "MARQUEZ",
    "SANDOVAL",
    "FERNANDEZ",
    "LEON",
    "CARRILLO",
    "MEJIA",
    "SOLIS",
    "NUNEZ",
    "ROSAS",
    "ACOSTA",
    "TREVINO",
]
FIRST_NAMES = [
    "JOSE",
    "JUAN",
    "MIGUEL",
    "LUIS",
    "CARLOS",
    "JORGE",
    "FRANCISCO",
    "ALEJANDRO",
    "RICARDO",
    "FERNANDO",
    "ROBERTO",
    "MARIA",
    "GUADALUPE",
    "ROSA",
    "ANA",
    "LAURA",
    "PATRICIA",
    "ELENA",
    "MARTHA",
    "VERONICA",
    "ADRIANA",
    "SOFIA",
    "DANIELA",
    "RAUL",
    "HECTOR",
    "ARTURO",
    "SERGIO",
    "JAVIER",
    "EDUARDO",
    "ANTONIO",
    "MANUEL",
    "PEDRO",
    "ALBERTO",
    "ENRIQUE",
    "GABRIEL",
    "EVA",
    "LUZ",
    "PAZ",
]
SUFFIXES = [
    "S.A. de C.V.",
    "S. de R.L. de C.V.",
    "SAPI de CV",
    "S.C.",
    "SA DE CV",
    "S.A.",
    "S.A.P.I. de C.V.",
    "LLC",
    "Inc.",
    "Ltd",
    "Corp",
    "",
]
# Legal forms met on foreign partners and on OFAC entries; normalisation must drop them.
FOREIGN_FORMS = ["FZE", "FZCO", "GmbH", "LLC", "DMCC", "Pte. Ltd.", "B.V.", "Ltd."]
# Business words that differ only by how they start: different companies.
PREFIX_TWINS = {
    "IMPORTADORA": "EXPORTADORA",
    "EXPORTADORA": "IMPORTADORA",
    "HERNANDEZ": "FERNANDEZ",
    "FERNANDEZ": "HERNANDEZ",
    "TRANSPORTES": "AEROTRANSPORTES",
}
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "ca",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "fi",
    "ga",
    "go",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "pa",
    "pe",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "za",
    "zo",
    "xi",
    "ke",
    "ki",
    "ko",
    "tl",
    "tz",
]
ACCENTS = {"A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú", "N": "Ñ"}


def invented_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).upper()


PARTNER_SYLLABLES = [
    "al",
    "ar",
    "bel",
    "cor",
    "dan",
    "el",
    "far",
    "gil",
    "har",
    "ix",
    "jun",
    "kal",
    "mar",
    "nor",
    "ol",
    "per",
    "quin",
    "ros",
    "sul",
    "tor",
    "ur",
    "val",
    "wen",
    "yar",
    "zel",
]


def partner_name(rng: random.Random) -> str:
    """A client or supplier name built from other syllables than the list names, so only the
    partners the benchmark puts on the list are expected to match."""
    word = lambda: "".join(rng.choice(PARTNER_SYLLABLES) for _ in range(rng.randint(2, 3))).upper()  # noqa: E731
    return f"{rng.choice(BUSINESS)} {word()} {word()}, {rng.choice(SUFFIXES[:6])}"


def short_word(rng: random.Random) -> str:
    """A three-letter brand word: "TLK", "ZOA"."""
    return rng.choice(SYLLABLES).upper() + rng.choice("AEIOUKLNRSTXZ")


def company_name(rng: random.Random) -> str:
    words = [rng.choice(BUSINESS)]
    if rng.random() < 0.5:
        words.append(rng.choice(QUALIFIERS))
    if rng.random() < 0.08:
        words.append(short_word(rng))
    words.append(invented_word(rng) if rng.random() < 0.85 else rng.choice(SURNAMES))
    if rng.random() < 0.3:
        words.append(invented_word(rng))
    if rng.random() < 0.03:
        words.append("CAPITAL")  # part of the name, not of "de Capital Variable"
    suffix = rng.choice(SUFFIXES) if rng.random() < 0.93 else rng.choice(FOREIGN_FORMS)
    return " ".join(words) + (f", {suffix}" if suffix else "")


def person_name(rng: random.Random) -> tuple[str, str]:
    """(list form "LAST LAST, First", natural form "First Last Last")."""
    first = rng.choice(FIRST_NAMES)
    if rng.random() < 0.3:
        first += " " + rng.choice(FIRST_NAMES)
    last = f"{rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
    return f"{last}, {first.title()}", f"{first.title()} {last.title()}"


def rfc(rng: random.Random, person: bool = False) -> str:
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4 if person else 3))
    date = f"{rng.randint(60, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tail = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(3))
    return letters + date + tail


# --------------------------------------------------------------------------- variants


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def add_accents(rng, name):
    chars = list(name.upper())
    spots = [i for i, c in enumerate(chars) if c in ACCENTS]
    for i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
        chars[i] = ACCENTS[chars[i]]
    return "".join(chars).title() if rng.random() < 0.5 else "".join(chars)


def add_typo(rng, name):
    words = name.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not candidates:
        return name
    edits = 1 if len(_strip(name)) < 24 else rng.randint(1, 2)
    for _ in range(edits):
        i = rng.choice(candidates)
        w = words[i]
        p = rng.randrange(1, len(w) - 1)
        kind = rng.choice(["sub", "del", "ins", "swap"])
        if kind == "sub":
            w = w[:p] + rng.choice("AEIOURSTNL") + w[p + 1 :]
        elif kind == "del":
            w = w[:p] + w[p + 1 :]
        elif kind == "ins":
            w = w[:p] + rng.choice("AEIOURSTNL") + w[p:]
        else:
            w = w[: p - 1] + w[p] + w[p - 1] + w[p + 1 :]
        words[i] = w
    return " ".join(words)


def reorder(rng, name):
    base = name.split(",")[0] if name != _base_name(name) else name
    if "," in base and base.count(",") == 1:  # "LAST LAST, First" → "First Last Last"
        last, first = (part.strip() for part in base.split(","))
        return f"{first} {last}"
    words = base.replace(",", " ").split()
    shuffled = words[:]
    while len(words) > 1 and shuffled == words:
        rng.shuffle(shuffled)
    return " ".join(shuffled)


def change_suffix(rng, name):
    base = name
    for suffix in sorted(SUFFIXES[:-1], key=len, reverse=True):
        if name.endswith(suffix):
            base = name[: -len(suffix)].rstrip(" ,")
            break
    options = [s for s in SUFFIXES if s and not name.endswith(s)]
    return f"{base} {rng.choice(options)}" if rng.random() < 0.8 else base


def _base_name(name: str) -> str:
    """The name without its legal-form suffix."""
    for suffix in sorted([*SUFFIXES[:-1], *FOREIGN_FORMS], key=len, reverse=True):
        if name.endswith(suffix):
            return name[: -len(suffix)].rstrip(" ,")
    return name


def foreign_form(rng, name):
    """The name with a foreign legal form (FZE, GmbH, LLC...) where the list has another."""
    return f"{_base_name(name)} {rng.choice(FOREIGN_FORMS)}"


NOT_NAME_WORDS = {"DEL", "LOS", "LAS", "LTD", "LLC", "FZE", "INC", "SAPI", "CORP"}


def _is_short_word(word: str) -> bool:
    word = word.strip(",.")
    return len(word) == 3 and word.isalpha() and word.upper() not in NOT_NAME_WORDS


def short_word_typo(rng, name):
    """A doubled or swapped letter in a three-letter word ("ANA" → "ANNA", "TLK" → "TKL")."""
    words = _base_name(name).split()
    spots = [i for i, w in enumerate(words) if _is_short_word(w)]
    if not spots:
        return add_typo(rng, name)
    i = rng.choice(spots)
    word = words[i].strip(",")
    if rng.random() < 0.5:
        p = rng.randrange(1, 3)
        typo = word[:p] + word[p] + word[p:]  # a doubled letter
    else:
        typo = word[0] + word[2] + word[1]  # the last two letters swapped
    words[i] = words[i].replace(word, typo)
    return " ".join(words)


VARIANTS = {
    "accents": add_accents,
    "typo": add_typo,
    "word_order": reorder,
    "suffix": change_suffix,
    "foreign legal form": foreign_form,
    "typo in 3-letter word": short_word_typo,
}


# --------------------------------------------------------------------------- near misses


def extra_word(rng, name, person):
    """A listed name with a word added: another company or person."""
    base = _base_name(name)
    if person:
        return f"{base} {rng.choice(SURNAMES)}"
    extra = rng.choice([rng.choice(SURNAMES), invented_word(rng), "CAPITAL", "GLOBAL"])
    suffix = rng.choice(SUFFIXES[:6])
    return f"{base} {extra}, {suffix}"


def prefix_twin(rng, name, person):
    """A word that starts otherwise: "Exportadora" for "Importadora", "MI" for "BA" in an
    invented word."""
    if person:
        return None
    words = _base_name(name).replace(",", " ").split()
    for i, word in enumerate(words):
        if word in PREFIX_TWINS:
            words[i] = PREFIX_TWINS[word]
            return " ".join(words)
    spots = [i for i, w in enumerate(words) if len(w) >= 6 and w not in BUSINESS]
    if not spots:
        return None
    i = rng.choice(spots)
    head = words[i][:2]
    new = rng.choice([s.upper() for s in SYLLABLES if s[0].upper() != head[0]])
    words[i] = new + words[i][2:]
    return " ".join(words)


NEAR_MISSES = {
    "near miss: extra word": extra_word,
    "near miss: other first letters": prefix_twin,
}


def build_list(rng: random.Random, entries: int = 30000, alias_share: float = 0.35):
    """[(entry_key, name, [aliases], rfc or "", is_person)]: about a third people, a third
    with aliases."""
    rows, seen = [], set()
    while len(rows) < entries:
        person = rng.random() < 0.3
        name = person_name(rng)[0] if person else company_name(rng)
        if name in seen:
            continue
        seen.add(name)
        aliases = []
        if rng.random() < alias_share:
            for _ in range(rng.randint(1, 3)):
                aliases.append(person_name(rng)[0] if person else company_name(rng))
        rfc_value = rfc(rng, person) if rng.random() < 0.5 else ""
        rows.append((str(len(rows) + 1), name, aliases, rfc_value, person))
    return rows


def sdn_csv(rows) -> tuple[bytes, bytes]:
    sdn, alt = [], []
    alt_num = 1
    for key, name, aliases, rfc_value, person in rows:
        kind = "individual" if person else "-0-"
        remarks = f"R.F.C. {rfc_value} (Mexico)." if rfc_value else "-0-"
        sdn.append(
            f'{key},"{name}","{kind}","SDNTK","-0-","-0-","-0-","-0-","-0-","-0-","-0-","{remarks}"'
        )
        for alias in aliases:
            alt.append(f'{key},{alt_num},"aka","{alias}","-0-"')
            alt_num += 1
    return ("\r\n".join(sdn) + "\r\n").encode("latin-1"), ("\r\n".join(alt) + "\r\n").encode(
        "latin-1"
    )


def sat_69b_csv(rng: random.Random, rows: int = 12000) -> bytes:
    lines = [
        "Información actualizada al 30 de abril de 2026",
        "Listado completo de contribuyentes (Artículo 69-B del Código Fiscal de la Federación)",
        "No,RFC,Nombre del Contribuyente,Situación del contribuyente,"
        "Número y fecha de oficio global de presunción SAT,Publicación página SAT presuntos,"
        "Número y fecha de oficio global de presunción DOF,Publicación DOF presuntos",
    ]
    situations = ["Definitivo"] * 7 + ["Presunto", "Desvirtuado", "Sentencia Favorable"]
    for n in range(1, rows + 1):
        name = company_name(rng).upper()
        oficio = f'"500-39-00-02-02-2021-{n:05d} de fecha 12/03/2021"'
        situation = rng.choice(situations)
        lines.append(f'{n},{rfc(rng)},"{name}",{situation},{oficio},15/03/2021,{oficio},22/03/2021')
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _has_short_word(name: str) -> bool:
    return any(_is_short_word(w) for w in _base_name(name).split())


ELIGIBLE = {
    "foreign legal form": lambda name, person: not person,
    "typo in 3-letter word": lambda name, person: _has_short_word(name),
}


def labelled_queries(rng: random.Random, rows, per_kind: int = 150, normal=None):
    """[(query name, expected entry key or None, variant kind)]: variants of list names
    (accents, typos, word order, suffixes, foreign legal forms, a typo in a three-letter
    word, aliases), near misses of listed names (a word added, a word starting otherwise)
    and names that are on no list. `normal` gives a name's normalised form, so that no near
    miss is itself a listed name."""
    normal = normal or (
        lambda name: " ".join(sorted(_strip(name).upper().replace(",", " ").split()))
    )
    queries = []
    shuffled = rng.sample(rows, len(rows))
    for kind, variant in VARIANTS.items():
        eligible = ELIGIBLE.get(kind, lambda name, person: True)
        chosen = [row for row in shuffled if eligible(row[1], row[4])]
        for key, name, _aliases, _rfc, _person in rng.sample(chosen, min(per_kind, len(chosen))):
            queries.append((variant(rng, name), key, kind))
    for key, name, aliases, _rfc, _person in rng.sample(rows, per_kind):
        alias = rng.choice(aliases) if aliases else name
        variant = rng.choice([add_accents, change_suffix, reorder])(rng, alias)
        queries.append((variant, key, "alias" if aliases else "alias (no alias: own name)"))
    listed = {name.upper() for _k, name, _a, _r, _p in rows}
    listed_keys = {normal(n) for _k, name, aliases, _r, _p in rows for n in (name, *aliases)}
    for kind, near_miss in NEAR_MISSES.items():
        made = 0
        for _key, name, _aliases, _rfc, person in shuffled:
            if made == per_kind:
                break
            query = near_miss(rng, name, person)
            if query and normal(query) not in listed_keys:
                queries.append((query, None, kind))
                made += 1
    negatives = 0
    while negatives < per_kind * 2:
        person = rng.random() < 0.3
        name = person_name(rng)[1] if person else company_name(rng)
        if name.upper() in listed:
            continue
        queries.append((name, None, "not listed"))
        negatives += 1
    return queries
