"""Search helpers that stay fast on hundreds of thousands of rows.

A "starts with" search is written as a range (value >= prefix and < the next prefix), which
any B-tree index serves; LIKE 'x%' is not served by an index on SQLite (case-insensitive
LIKE) nor on PostgreSQL without a special operator class.
"""

import unicodedata

from django.db.models import Q


def next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def prefix_q(field: str, prefix: str) -> Q:
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": next_prefix(prefix)})


def name_key(text: str) -> str:
    """Upper case, no accents, single spaces: the form names are searched in."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(text.upper().split())[:200]
