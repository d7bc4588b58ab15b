"""Files written to storage inside a transaction leave with it when it rolls back.

A database rollback cannot take back a file already in storage: without this, an upload whose
transaction fails later (a stale version, a refused link, an error in an enclosing import)
leaves an orphan file that no row points to. Services that store files run inside
`atomic_with_files()` and call `track_stored_file()` right after each save:

- when the block rolls back (an exception leaves it), every file stored inside it is deleted;
- when the block succeeds inside another `atomic_with_files()` block, its files are handed to
  that block, which deletes them if it rolls back in turn;
- when the outermost block succeeds, the files are committed with their rows.

A caller that wraps these services in a transaction of its own and may roll it back after they
succeed should open that transaction with `atomic_with_files()` too.
"""

import contextlib
import functools
import threading

from django.db import transaction


class _Frames(threading.local):
    def __init__(self):
        self.stack: list[list[tuple]] = []


_frames = _Frames()


def track_stored_file(storage, name: str) -> None:
    """Remember a file just written, so that a rollback of the current block deletes it."""
    if not _frames.stack:
        raise RuntimeError("track_stored_file() needs an enclosing atomic_with_files() block.")
    _frames.stack[-1].append((storage, name))


def _delete(files) -> None:
    for storage, name in files:
        # A storage outage here must not hide the error that caused the rollback.
        with contextlib.suppress(OSError):
            storage.delete(name)


@contextlib.contextmanager
def _atomic_with_files(using=None):
    stored: list[tuple] = []
    _frames.stack.append(stored)
    try:
        with transaction.atomic(using=using):
            yield
    except BaseException:
        _frames.stack.pop()
        _delete(stored)
        raise
    _frames.stack.pop()
    if _frames.stack:
        _frames.stack[-1].extend(stored)


def atomic_with_files(func=None, *, using=None):
    """`transaction.atomic` that also deletes the files stored inside it on rollback.

    Use as a decorator (`@atomic_with_files`) or a context manager (`with atomic_with_files():`).
    """
    if func is None:
        return _atomic_with_files(using=using)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with _atomic_with_files(using=using):
            return func(*args, **kwargs)

    return wrapper
