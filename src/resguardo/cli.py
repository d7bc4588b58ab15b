"""The `resguardo` command: `demo`, `serve`, `worker`, `createadmin`, `audit`, `events`...

Every subcommand is a Django management command, so `resguardo <command> --help` works and
any other management command (`migrate`, `shell`) is available too.
"""

import os
import secrets
import sys
from pathlib import Path

MAIN_COMMANDS = {
    "demo": "create the embedded database with demo data and serve the app",
    "serve": "serve the app with a production WSGI server (no demo data)",
    "worker": "run background tasks (with TASKS_BACKEND=database)",
    "createadmin": "create an organization and its first administrator",
    "audit": "audit-log tools: `resguardo audit verify`",
    "events": "domain event deliveries: `resguardo events status`, `retry`, `sweep`",
    "standards": "standards library tools: validate and load",
    "lists": "SAT 69-B, 69-B Bis and Art. 69, and OFAC watchlists: fetch, import, status",
    "partners": "scheduled partner work: `resguardo partners daily` (reminders, risk refresh)",
    "backup": "write one archive with the database and every stored file",
    "restore": "restore an archive into an empty installation (`--verify` only checks it)",
    "migrate": "create or update the database schema",
}


def _print_help() -> None:
    print("usage: resguardo <command> [options]\n\ncommands:")
    for name, text in MAIN_COMMANDS.items():
        print(f"  {name:<12} {text}")
    print("\n`resguardo <command> --help` explains each one. Settings come from environment")
    print("variables (see .env.example).")


def _data_dir() -> Path:
    return Path(os.environ.get("RESGUARDO_DATA_DIR") or Path.cwd() / "var").expanduser().resolve()


def _prepare_demo_environment() -> None:
    """The demo runs with no configuration: keep its secret key in the data folder, and its
    e-mail in a mailbox that the demo users read in the app (nothing is sent or printed)."""
    data_dir = _data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["RESGUARDO_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("EMAIL_BACKEND", "mailbox")
    if not os.environ.get("SECRET_KEY") and not os.environ.get("SECRET_KEY_FILE"):
        key_file = data_dir / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
            key_file.chmod(0o600)
        os.environ["SECRET_KEY_FILE"] = str(key_file)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        _print_help()
        return
    wants_help = any(arg in ("-h", "--help") for arg in argv[1:])
    if wants_help and not (os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE")):
        # `<command> --help` reads no data: it works before the server is configured.
        os.environ["SECRET_KEY"] = "placeholder-only-for-printing-help-" + "x" * 32
    elif argv[0] == "demo":
        _prepare_demo_environment()
    elif not os.environ.get("DATABASE_URL"):
        # The embedded database lives in the data folder: make sure the folder exists.
        _data_dir().mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resguardo.config.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["resguardo", *argv])
    except ImproperlyConfigured as error:
        print(f"resguardo: configuration error: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
