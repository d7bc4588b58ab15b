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


def company_name(rng: random.Random) -> str:
    words = [rng.choice(BUSINESS)]
    if rng.random() < 0.5:
        words.append(rng.choice(QUALIFIERS))
    words.append(invented_word(rng) if rng.random() < 0.85 else rng.choice(SURNAMES))
    if rng.random() < 0.3:
        words.append(invented_word(rng))
    suffix = rng.choice(SUFFIXES)
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
    base = name.split(",")[0] if any(s and name.endswith(s) for s in SUFFIXES[:-1]) else name
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


VARIANTS = {
    "accents": add_accents,
    "typo": add_typo,
    "word_order": reorder,
    "suffix": change_suffix,
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


def labelled_queries(rng: random.Random, rows, per_kind: int = 150):
    """[(query name, expected entry key or None, variant kind)]: variants of list names
    (accents, typos, word order, suffixes, aliases) and names that are on no list."""
    queries = []
    picks = rng.sample(rows, per_kind * (len(VARIANTS) + 1))
    for index, (key, name, aliases, _rfc, _person) in enumerate(picks):
        kind_index = index // per_kind
        if kind_index < len(VARIANTS):
            kind = list(VARIANTS)[kind_index]
            queries.append((VARIANTS[kind](rng, name), key, kind))
        else:
            alias = rng.choice(aliases) if aliases else name
            variant = rng.choice([add_accents, change_suffix, reorder])(rng, alias)
            queries.append((variant, key, "alias" if aliases else "alias (no alias: own name)"))
    listed = {name.upper() for _k, name, _a, _r, _p in rows}
    negatives = 0
    while negatives < per_kind * 2:
        person = rng.random() < 0.3
        name = person_name(rng)[1] if person else company_name(rng)
        if name.upper() in listed:
            continue
        queries.append((name, None, "not listed"))
        negatives += 1
    return queries
