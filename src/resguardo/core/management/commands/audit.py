from django.core.management.base import BaseCommand, CommandError

from resguardo.core.audit import audit_verify
from resguardo.core.models import AuditEntry


class Command(BaseCommand):
    help = "Audit-log tools. `audit verify` recomputes the hash chain."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="recompute the chain; exit 1 naming the first bad entry")

    def handle(self, *args, action, **options):
        if action == "verify":
            problems = audit_verify()
            if problems:
                for problem in problems:
                    self.stderr.write(f"TAMPERED: {problem.message}")
                raise CommandError(
                    f"audit chain broken at entry #{problems[0].sequence}", returncode=1
                )
            count = AuditEntry.objects.count()
            self.stdout.write(self.style.SUCCESS(f"audit chain intact: {count} entries verified"))
