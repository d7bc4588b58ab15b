"""Search helpers that stay fast on hundreds of thousands of rows.

A "starts with" search is written as a range (value >= prefix and < the next prefix), which
any B-tree index serves; LIKE 'x%' is not served by an index on SQLite (case-insensitive
LIKE) nor on PostgreSQL without a special operator class.
"""

import unicodedata

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property


def next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def prefix_q(field: str, prefix: str) -> Q:
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": next_prefix(prefix)})


def name_key(text: str) -> str:
    """Upper case, no accents, single spaces: the form names are searched in."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(text.upper().split())[:200]


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: an exact count of a large filtered table costs more than
    the page itself, and nobody pages through more than 10,000 rows."""

    cap = 10_000

    @cached_property
    def count(self):
        counted = self.object_list[: self.cap + 1].count()
        self.capped = counted > self.cap
        return min(counted, self.cap)
