"""Fuzzy and exact matching of partners against the current list versions.

The index holds every name (primary and aliases) of every entry, normalised (no accents,
punctuation, legal-form suffix or stop words) with its words sorted.

1. Candidates come from blocking keys: for each word, its first five letters and every
   variant of them with one letter removed, so one typo in a word still shares a key. The
   keys of the query's two rarest words are used (plus any other rare word; legal-form words
   never block), so a rarest word the listed name lacks or spells otherwise does not hide it.
   A query word that resembles no listed word at all can only be an extra word (the entry
   is the shorter name): then the candidates must share the two rarest known words, and
   there are none when unknown words make up over a third of the name.
2. Candidates are scored with rapidfuzz on the word-sorted names (word order does not
   matter) and on the names as written (so a transposition of a word's first letters, which
   moves the word in the sorted name, still scores high); the better score counts...
3. ...then the words are paired (`explain`): the same word, or one typo away (two for words
   over seven letters). Two words that start differently are different words ("EXPORTADORA"
   is not "IMPORTADORA", "HERNANDEZ" is not "FERNANDEZ"), except for swapped first letters;
   a three-letter word may have a doubled, dropped or swapped letter ("ANA", "ANNA") but no
   other letter; shorter words must be equal. A word of the partner's name that the listed
   name lacks costs EXTRA_WORD_PENALTY points ("Comercializadora Tenochtitlan López" is not
   "Comercializadora Tenochtitlan"); a word of the listed name the partner's name leaves out
   (a second given name) costs MISSING_WORD_PENALTY, so "RUIZ GOMEZ ROBERTO" still reaches
   "RUIZ GOMEZ ROBERTO ANA" at a lower threshold. Names with words unpaired on both sides
   do not match ("LUNA GARCIA DANIELA" is not "LEON GARCIA DANIELA").
"""

import operator
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from resguardo.core.validators import GENERIC_RFCS

from .normalize import LEGAL_FORM_TOKENS, normalize_name, sorted_key

CANDIDATE_CUTOFF = 80  # the lowest threshold an organization may choose
PRESCREEN_CUTOFF = 60  # below this on the sorted names, the names as written are not tried
RARE_WORD_POSTINGS = 300  # a word whose keys reach fewer names than this is always used
BLOCKING_WORDS = 1
PREFIX = 5
EXTRA_WORD_PENALTY = 10  # a word only the partner's name has: another party
MISSING_WORD_PENALTY = 5  # a word only the listed name has: maybe a name left out
WORD_CACHE_SIZE = 20_000


@dataclass(frozen=True)
class IndexedEntry:
    pk: int
    version_id: int
    source: str
    entry_key: str
    name: str
    rfcs: tuple[str, ...]
    informative: bool = False  # shown to the reviewer, never a blocking hit


@dataclass(frozen=True)
class Explanation:
    """How the partner's name and the listed name line up, word by word."""

    same: tuple[str, ...] = ()
    typos: tuple[tuple[str, str], ...] = ()  # (partner's word, listed word)
    extra: tuple[str, ...] = ()  # in the partner's name only
    missing: tuple[str, ...] = ()  # in the listed name only
    rfc: str = ""
    penalty: int = 0

    @property
    def corresponds(self) -> bool:
        """One side's words all have a counterpart in the other's."""
        return not (self.extra and self.missing) and bool(self.same or self.typos)

    def as_dict(self) -> dict:
        if self.rfc:
            return {"rfc": self.rfc}
        return {
            "same": list(self.same),
            "typos": [list(pair) for pair in self.typos],
            "extra": list(self.extra),
            "missing": list(self.missing),
            "penalty": self.penalty,
        }


@dataclass(frozen=True)
class NameMatch:
    entry: IndexedEntry
    score: int
    matched_name: str
    is_alias: bool
    is_rfc: bool
    partner_name: str
    explanation: Explanation = field(default_factory=Explanation)


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, ...]:
    if len(word) <= 3:
        return ("=" + word,)
    head = word[:PREFIX]
    return (head, *{head[:i] + head[i + 1 :] for i in range(len(head))})


def blocking_keys(key: str) -> set[str]:
    return {k for word in key.split() for k in word_keys(word)}


def _same_start(word: str, other: str) -> bool:
    return word[0] == other[0] or (word[:2] == other[1::-1] and len(other) > 1)


@lru_cache(maxsize=200_000)
def word_similar(word: str, other: str) -> bool:
    """The same word, or one typo away (two for words over seven letters) without changing
    how it starts; a three-letter word only with a doubled, dropped or swapped letter."""
    if word == other:
        return True
    shortest = min(len(word), len(other))
    if shortest <= 2 or not _same_start(word, other):
        return False
    distance = OSA.distance(word, other, score_cutoff=2)
    if shortest == 3:
        swapped = len(word) == len(other) and sorted(word) == sorted(other)
        return distance == 1 and (len(word) != len(other) or swapped)
    return distance <= (2 if max(len(word), len(other)) > 7 else 1)


def explain(partner_key: str, listed_key: str) -> Explanation:
    """Pair the words of two normalised names: equal words first, then typos."""
    partner = partner_key.split()
    listed = listed_key.split()
    same = []
    rest = []
    for word in partner:
        if word in listed:
            listed.remove(word)
            same.append(word)
        else:
            rest.append(word)
    typos, extra = [], []
    for word in rest:
        other = next((o for o in listed if word_similar(word, o)), None)
        if other is None:
            extra.append(word)
        else:
            listed.remove(other)
            typos.append((word, other))
    return Explanation(
        same=tuple(same),
        typos=tuple(typos),
        extra=tuple(extra),
        missing=tuple(listed),
        penalty=EXTRA_WORD_PENALTY * len(extra) + MISSING_WORD_PENALTY * len(listed),
    )


def words_correspond(a: str, b: str) -> bool:
    """Every word of one name has a counterpart in the other name."""
    return explain(a, b).corresponds


class WatchlistIndex:
    def __init__(self, entries: list[IndexedEntry], names: list[tuple[int, str, str, bool]]):
        """`names`: (entry position, display name, normalised name, is alias)."""
        self.entries = entries
        self.keys: list[str] = []
        self.plain: list[str] = []
        self.name_entry: list[int] = []
        self.display: list[str] = []
        self.is_alias: list[bool] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for position, display, normalized, alias in names:
            key = sorted_key(normalized)
            if not key:
                continue
            index = len(self.keys)
            self.keys.append(key)
            self.plain.append(normalized)
            self.name_entry.append(position)
            self.display.append(display)
            self.is_alias.append(alias)
            for block in blocking_keys(key):
                postings[block].append(index)
        self.postings = dict(postings)
        self._word_names: dict[str, frozenset[int]] = {}
        self.by_rfc: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(entries):
            for rfc in entry.rfcs:
                if rfc not in GENERIC_RFCS:
                    self.by_rfc[rfc].append(position)

    def __len__(self):
        return len(self.keys)

    def _names_sharing(self, word: str) -> frozenset[int]:
        """The names a word's blocking keys reach (kept: common words come back often)."""
        names = self._word_names.get(word)
        if names is None:
            if len(self._word_names) > WORD_CACHE_SIZE:
                self._word_names.clear()
            names = frozenset().union(*(self.postings.get(k, ()) for k in word_keys(word)))
            self._word_names[word] = names
        return names

    def _candidates(self, key: str) -> list[int]:
        words, unknown_letters = [], 0
        for word in dict.fromkeys(key.split()):
            lists = [p for p in (self.postings.get(k) for k in word_keys(word)) if p]
            if lists:
                # A legal-form word left inside a name says little, and a word of three
                # letters has one key that a typo changes: they block after the others.
                weak = word in LEGAL_FORM_TOKENS or len(word) <= 3
                rank = (weak, sum(len(p) for p in lists))
                words.append((rank, lists, word))
            else:
                unknown_letters += len(word)
        if not words:
            return []
        words.sort(key=lambda item: item[0])
        if not unknown_letters:
            chosen = [
                lists
                for i, ((_weak, size), lists, _word) in enumerate(words)
                if i < BLOCKING_WORDS or size < RARE_WORD_POSTINGS
            ]
            found = set().union(*(p for lists in chosen for p in lists))
            if len(words) > 2 and words[1][0][1] >= RARE_WORD_POSTINGS:
                # The rarest word may be a misspelling that resembles another listed word:
                # names sharing the next two words are candidates too.
                found |= self._names_sharing(words[1][2]) & self._names_sharing(words[2][2])
            return list(found)
        # A word no listed name resembles: only an entry made of the query's other words
        # can match, and only if the unknown words are a small part of the name.
        if unknown_letters * 3 > len(key) - key.count(" "):
            return []
        if len(words) == 1:
            return list(self._names_sharing(words[0][2]))
        return list(self._names_sharing(words[0][2]) & self._names_sharing(words[1][2]))

    def match_name(self, partner_name: str, cutoff: int = CANDIDATE_CUTOFF) -> list[NameMatch]:
        plain = normalize_name(partner_name)
        key = sorted_key(plain)
        if not key:
            return []
        candidates = self._candidates(key)
        if not candidates:
            return []
        getter = operator.itemgetter(*candidates)
        choices = getter(self.keys) if len(candidates) > 1 else (getter(self.keys),)
        found = process.extract(
            key,
            choices,
            scorer=fuzz.ratio,
            score_cutoff=PRESCREEN_CUTOFF,
            limit=None,
            processor=None,
        )
        results = []
        for _choice, score, position in found:
            index = candidates[position]
            if score < cutoff:  # maybe a typo moved a word in the sorted name: compare as written
                score = fuzz.ratio(plain, self.plain[index], score_cutoff=cutoff)
                if score < cutoff:
                    continue
            explanation = explain(key, self.keys[index])
            score = round(score) - explanation.penalty
            if score < cutoff or not explanation.corresponds:
                continue
            results.append(
                NameMatch(
                    entry=self.entries[self.name_entry[index]],
                    score=score,
                    matched_name=self.display[index],
                    is_alias=self.is_alias[index],
                    is_rfc=False,
                    partner_name=partner_name,
                    explanation=explanation,
                )
            )
        return results

    def match_rfc(self, rfc: str) -> list[NameMatch]:
        return [
            NameMatch(
                entry=self.entries[position],
                score=100,
                matched_name=self.entries[position].name,
                is_alias=False,
                is_rfc=True,
                partner_name=rfc,
                explanation=Explanation(rfc=rfc),
            )
            for position in self.by_rfc.get(rfc, ())
        ]

    def match_partner(
        self, *, names: list[str], rfc: str, cutoff: int = CANDIDATE_CUTOFF
    ) -> list[NameMatch]:
        """The best match per list entry: an RFC match beats any name match. A generic RFC
        (XEXX010101000 for foreign residents) is shared by many: never matched."""
        best: dict[int, NameMatch] = {}
        found = self.match_rfc(rfc) if rfc and rfc not in GENERIC_RFCS else []
        for name in dict.fromkeys(n for n in names if n):
            found.extend(self.match_name(name, cutoff))
        for match in found:
            current = best.get(match.entry.pk)
            if current is None or (match.is_rfc, match.score) > (current.is_rfc, current.score):
                best[match.entry.pk] = match
        return sorted(best.values(), key=lambda m: (-m.is_rfc, -m.score, m.entry.name))
