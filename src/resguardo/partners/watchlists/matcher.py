"""Fuzzy and exact matching of partners against the current list versions.

The index holds every name (primary and aliases) of every adverse entry, normalised
(no accents, punctuation, legal-form suffix or stop words) with its words sorted.

1. Candidates come from blocking keys: for each word, its first five letters and every
   variant of them with one letter removed, so one typo in a word still shares a key. Only
   the keys of the query's rarest word are used (plus any other rare word), which keeps
   the candidate lists short. A query word that resembles no listed word at all can only be
   an extra word (the entry is the shorter name): then the candidates must share the two
   rarest known words, and there are none when unknown words make up over a third of the
   name (no entry could reach the threshold).
2. Candidates are scored with rapidfuzz on the word-sorted names (word order does not
   matter) and on the names as written (so a typo in a word's first letter, which moves the
   word in the sorted name, still scores high); the better score counts, and names at or
   above the threshold are kept...
3. ...when every word of the shorter name has a counterpart in the other: the same word or
   one typo away (two for words over seven letters; words of three letters must be equal).
   "LUNA GARCIA DANIELA" is not "LEON GARCIA DANIELA"; "RUIZ GOMEZ ROBERTO" does match
   "RUIZ GOMEZ ROBERTO ANA" (a middle name left out).
"""

import operator
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .normalize import normalize_name, sorted_key

CANDIDATE_CUTOFF = 80  # the lowest threshold an organization may choose
PRESCREEN_CUTOFF = 60  # below this on the sorted names, the names as written are not tried
RARE_WORD_POSTINGS = 300  # a word whose keys reach fewer names than this is always used
BLOCKING_WORDS = 1
PREFIX = 5


@dataclass(frozen=True)
class IndexedEntry:
    pk: int
    version_id: int
    source: str
    entry_key: str
    name: str
    rfcs: tuple[str, ...]


@dataclass(frozen=True)
class NameMatch:
    entry: IndexedEntry
    score: int
    matched_name: str
    is_alias: bool
    is_rfc: bool
    partner_name: str


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, ...]:
    if len(word) <= 3:
        return ("=" + word,)
    head = word[:PREFIX]
    return (head, *{head[:i] + head[i + 1 :] for i in range(len(head))})


def blocking_keys(key: str) -> set[str]:
    return {k for word in key.split() for k in word_keys(word)}


def _word_similar(word: str, other: str) -> bool:
    """The same word, or one typo away (two for words over seven letters); short words
    must be equal."""
    if word == other:
        return True
    longest = max(len(word), len(other))
    if min(len(word), len(other)) <= 3:
        return False
    return OSA.distance(word, other, score_cutoff=2) <= (2 if longest > 7 else 1)


def words_correspond(a: str, b: str) -> bool:
    """Every word of the name with fewer words has a counterpart in the other name."""
    short, long = sorted((a.split(), b.split()), key=len)
    return all(any(_word_similar(w, o) for o in long) for w in short)


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
        self.by_rfc: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(entries):
            for rfc in entry.rfcs:
                self.by_rfc[rfc].append(position)

    def __len__(self):
        return len(self.keys)

    def _candidates(self, key: str) -> list[int]:
        words, unknown_letters = [], 0
        for word in dict.fromkeys(key.split()):
            lists = [p for p in (self.postings.get(k) for k in word_keys(word)) if p]
            if lists:
                words.append((sum(len(p) for p in lists), lists))
            else:
                unknown_letters += len(word)
        if not words:
            return []
        words.sort(key=lambda item: item[0])
        if not unknown_letters:
            chosen = [
                lists
                for i, (size, lists) in enumerate(words)
                if i < BLOCKING_WORDS or size < RARE_WORD_POSTINGS
            ]
            return list(set().union(*(p for lists in chosen for p in lists)))
        # A word no listed name resembles: only an entry made of the query's other words
        # can match, and only if the unknown words are a small part of the name.
        if unknown_letters * 3 > len(key) - key.count(" "):
            return []
        found = set().union(*words[0][1])
        if len(words) > 1:
            found &= set().union(*words[1][1])
        return list(found)

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
        scores = {}
        for _choice, score, position in found:
            index = candidates[position]
            if score < cutoff:  # maybe a typo moved a word in the sorted name: compare as written
                score = fuzz.ratio(plain, self.plain[index], score_cutoff=cutoff)
            if score >= cutoff:
                scores[index] = score
        results = []
        for index, score in scores.items():
            if not words_correspond(key, self.keys[index]):
                continue
            results.append(
                NameMatch(
                    entry=self.entries[self.name_entry[index]],
                    score=round(score),
                    matched_name=self.display[index],
                    is_alias=self.is_alias[index],
                    is_rfc=False,
                    partner_name=partner_name,
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
            )
            for position in self.by_rfc.get(rfc, ())
        ]

    def match_partner(
        self, *, names: list[str], rfc: str, cutoff: int = CANDIDATE_CUTOFF
    ) -> list[NameMatch]:
        """The best match per list entry: an RFC match beats any name match."""
        best: dict[int, NameMatch] = {}
        found = self.match_rfc(rfc) if rfc else []
        for name in dict.fromkeys(n for n in names if n):
            found.extend(self.match_name(name, cutoff))
        for match in found:
            current = best.get(match.entry.pk)
            if current is None or (match.is_rfc, match.score) > (current.is_rfc, current.score):
                best[match.entry.pk] = match
        return sorted(best.values(), key=lambda m: (-m.is_rfc, -m.score, m.entry.name))
