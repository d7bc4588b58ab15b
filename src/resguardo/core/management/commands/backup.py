from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resguardo.core.backup import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write one archive with the database, every stored file and a manifest of hashes. "
        "Restore it with `resguardo restore FILE`; check it with `resguardo restore --verify`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write (.tar.gz)")
        parser.add_argument("--force", action="store_true", help="replace an existing file")

    def handle(self, *args, file, force, **options):
        target = Path(file)
        if target.exists() and not force:
            raise CommandError(f"{target} exists: choose another name or pass --force")
        if not target.parent.is_dir():
            raise CommandError(f"the folder {target.parent} does not exist")
        try:
            summary = backup_write(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"backup written to {target}: {summary.vendor} database, {summary.files} files, "
                f"{summary.total_bytes:,} bytes before compression"
            )
        )
