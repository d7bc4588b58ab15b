"""Settings for the test suite: the real settings, with test-only values filled in."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-never-used-in-production-0123456789")
os.environ.setdefault("EMAIL_BACKEND", "memory")

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; argon2 tested apart
if not os.environ.get("RESGUARDO_TEST_FILE_STORAGE"):  # a restore run in a subprocess keeps disk
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "django.core.files.storage.InMemoryStorage",
    }

# A module that exists only for the tests: it proves a new module needs nothing but this line
# (tests/integration/test_new_module.py). It lives in tests/ at the repository root, which is
# put on the import path here so that pytest, django-admin and scripts all find it.
sys.path.append(str(Path(__file__).resolve().parents[3]))
INSTALLED_APPS = [*INSTALLED_APPS, "tests.sample_module"]  # noqa: F405
