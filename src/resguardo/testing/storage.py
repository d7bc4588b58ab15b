"""Watching what an upload path puts into storage, for the rollback tests of every module."""

import contextlib

from django.core.files.storage import default_storage


@contextlib.contextmanager
def files_stored():
    """The names of the files written to the default storage inside the block."""
    names: list[str] = []
    default_storage.exists("")  # a lazy object: make it build the real storage first
    storage = default_storage._wrapped
    original = storage.save

    def save(name, content, max_length=None):
        stored = original(name, content, max_length=max_length)
        names.append(stored)
        return stored

    storage.save = save
    try:
        yield names
    finally:
        del storage.save


def still_stored(names) -> list[str]:
    return [name for name in names if default_storage.exists(name)]
