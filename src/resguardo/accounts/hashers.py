"""Argon2 with a bound on how many hashes run at once in one process.

Each Argon2 hash takes 100 MiB of memory (Django's parameters); eight threads signing in at
the same moment took a server from 200 MB to 900 MB. Hashes beyond PASSWORD_HASH_CONCURRENCY
wait their turn (a sign-in takes a little longer under a burst) and memory stays bounded at
about that many × 100 MiB. The stored hashes are ordinary argon2 hashes.
"""

import threading

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

_slots: threading.BoundedSemaphore | None = None
_slots_lock = threading.Lock()


def hashing_slots() -> threading.BoundedSemaphore:
    global _slots
    with _slots_lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(settings.PASSWORD_HASH_CONCURRENCY)
        return _slots


class BoundedArgon2PasswordHasher(Argon2PasswordHasher):
    def encode(self, password, salt):
        with hashing_slots():
            return super().encode(password, salt)

    def verify(self, password, encoded):
        with hashing_slots():
            return super().verify(password, encoded)
