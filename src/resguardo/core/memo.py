"""Figures shared by the parts of one page.

The home page's panels and its standard cards come from different modules and ask for some of
the same figures (the current assessments and their readiness). Inside `page_memo()` the first
answer for a key is kept and given to the later askers; outside it every call computes afresh,
so a service or a test never reads a remembered figure.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("page_memo", default=None)


@contextmanager
def page_memo() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: tuple, compute: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
