"""Name normalisation for matching: the same company written with or without accents,
punctuation, legal-form suffix or in another word order must come out alike."""

import re
import unicodedata

# Tokens that only say what legal form a company has, once "S.A. de C.V." has become
# "SA DE CV". They are stripped from the end of a name.
LEGAL_FORM_TOKENS = frozenset(
    {
        # Mexico and Latin America
        "SA",
        "SAB",
        "SAPI",
        "SAS",
        "SC",
        "SCP",
        "SCL",
        "SCS",
        "SNC",
        "SRL",
        "RL",
        "S",
        "AC",
        "CV",
        "DE",
        "EN",
        "C",
        "SPR",
        "RI",
        "MI",
        "IAP",
        "ABP",
        "SOFOM",
        "ENR",
        "ER",
        "LTDA",
        "SOCIEDAD",
        "ANONIMA",
        "VARIABLE",
        "CIVIL",
        # English-speaking and European forms
        "LLC",
        "INC",
        "INCORPORATED",
        "LTD",
        "LIMITED",
        "CORP",
        "CORPORATION",
        "CO",
        "COMPANY",
        "PLC",
        "LP",
        "LLP",
        "GMBH",
        "AG",
        "BV",
        "NV",
        "SL",
        "SPA",
        "SARL",
        "SRO",
        "OY",
        "AB",
        "KG",
        "SAC",
        "EIRL",
        "CIA",
        # Free-zone and Asian forms often met in trade
        "FZE",
        "FZCO",
        "FZC",
        "FZ",
        "DMCC",
        "PTE",
        "PTY",
        "PVT",
        "BHD",
        "JSC",
        "OOO",
    }
)
# Words that are a legal form only right before the given word: "DE CAPITAL VARIABLE" is one,
# "GRUPO BALO CAPITAL" is a company's own name.
LEGAL_FORM_BEFORE = {"CAPITAL": "VARIABLE"}
STOPWORDS = frozenset({"DE", "DEL", "LA", "LAS", "LOS", "EL", "Y", "E", "THE", "OF", "AND"})
_NON_ALNUM = re.compile(r"[^0-9A-Z]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _merge_initials(tokens: list[str]) -> list[tuple[str, bool]]:
    """ "S A DE C V" → "SA DE CV": runs of one-letter tokens become one token (marked)."""
    merged: list[tuple[str, bool]] = []
    run = ""
    for token in tokens:
        if len(token) == 1 and token.isalpha():
            run += token
            continue
        if run:
            merged.append((run, True))
            run = ""
        merged.append((token, False))
    if run:
        merged.append((run, True))
    return merged


def _split_legal_tail(run: str) -> str:
    """ "X S C" merged into "XSC" at the end of a name: give back "X"."""
    for start in range(1, len(run) - 1):
        if run[start:] in LEGAL_FORM_TOKENS:
            return run[:start]
    return run


def _is_legal_tail(tokens: list[tuple[str, bool]], position: int, end: int) -> bool:
    token = tokens[position][0]
    if token in LEGAL_FORM_TOKENS:
        return True
    follower = LEGAL_FORM_BEFORE.get(token)
    return follower is not None and end < len(tokens) and tokens[end][0] == follower


def _strip_legal_form(tokens: list[tuple[str, bool]]) -> list[str]:
    end = len(tokens)
    while end > 1 and _is_legal_tail(tokens, end - 1, end):
        end -= 1
    kept = [token for token, _run in tokens[:end]]
    if kept:
        last, was_run = tokens[end - 1]
        if was_run and last not in LEGAL_FORM_TOKENS and len(last) > 2:
            kept[-1] = _split_legal_tail(last)
    return kept


def name_tokens(name: str) -> list[str]:
    text = strip_accents(name or "").upper().replace("&", " ")
    tokens = _strip_legal_form(_merge_initials(_NON_ALNUM.sub(" ", text).split()))
    meaningful = [t for t in tokens if t not in STOPWORDS]
    return meaningful or tokens


def normalize_name(name: str) -> str:
    """ "Transportes del Norte, S.A. de C.V." → "TRANSPORTES NORTE"."""
    return " ".join(name_tokens(name))


def sorted_key(normalized: str) -> str:
    """Word order does not matter: "LOERA GUZMAN JOAQUIN" equals "JOAQUIN GUZMAN LOERA"."""
    return " ".join(sorted(normalized.split()))
