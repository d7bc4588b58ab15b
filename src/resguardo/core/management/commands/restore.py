from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resguardo.core.backup import BackupError, backup_verify, restore_archive


class Command(BaseCommand):
    help = (
        "Restore an archive written by `resguardo backup` into an empty installation "
        "(database and file storage), after checking every hash. --verify only checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to read")
        parser.add_argument(
            "--verify", action="store_true", help="check the archive without restoring anything"
        )

    def handle(self, *args, file, verify, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        try:
            summary = backup_verify(path) if verify else restore_archive(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        done = "is sound" if verify else "restored"
        self.stdout.write(
            self.style.SUCCESS(
                f"{path} {done}: {summary.vendor} database and {summary.files} files "
                f"from {summary.created_at}"
            )
        )
        if not verify:
            self.stdout.write("Next: `resguardo migrate`, then `resguardo audit verify`.")
