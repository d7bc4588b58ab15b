"""Small, strict readers for settings that come from environment variables.

A bad value stops start-up with a message naming the variable (no silent fallbacks).
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingError(ImproperlyConfigured):
    def __init__(self, name: str, problem: str):
        super().__init__(f"Environment variable {name}: {problem}")
        self.name = name


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise SettingError(name, "is required but not set (see .env.example)")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise SettingError(name, f"must be true or false, got {raw!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(name, f"must be an integer, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise SettingError(name, f"must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default).strip().lower()
    if value not in choices:
        raise SettingError(name, f"must be one of {', '.join(choices)}, got {value!r}")
    return value


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser().resolve() if raw else default.resolve()


def secret_key(debug: bool) -> str:
    """SECRET_KEY, or the contents of SECRET_KEY_FILE. Required when DEBUG is off."""
    key = env_str("SECRET_KEY")
    key_file = env_str("SECRET_KEY_FILE")
    if key and key_file:
        raise SettingError("SECRET_KEY_FILE", "set either SECRET_KEY or SECRET_KEY_FILE, not both")
    if key_file:
        try:
            key = Path(key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingError("SECRET_KEY_FILE", f"cannot be read: {exc.strerror}") from None
    if not key:
        if debug:
            return "insecure-development-key-only-used-with-DEBUG-on"
        raise SettingError("SECRET_KEY", "is required when DEBUG is off")
    if len(key) < 32:
        raise SettingError("SECRET_KEY", "must be at least 32 characters long")
    return key
