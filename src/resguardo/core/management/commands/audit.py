from django.core.management.base import BaseCommand, CommandError

from resguardo.core.audit_checks import audit_digest, audit_verify, digest_check
from resguardo.core.models import AuditChainHead, AuditEntry


class Command(BaseCommand):
    help = (
        "Audit-log tools. `audit verify` recomputes every organization's hash chain and checks "
        "its signed head; `audit digest` prints the signed heads to anchor outside the database."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser(
            "verify", help="recompute every chain; exit 1 naming each broken organization"
        )
        verify.add_argument(
            "--against",
            metavar="DIGEST",
            help="also check the heads anchored in a digest printed earlier by `audit digest`",
        )
        sub.add_parser("digest", help="print each chain's signed head (to print or mail daily)")

    def handle(self, *args, action, **options):
        if action == "digest":
            return self._digest()
        broken = audit_verify()
        problems = [problem.message for problem in broken]
        if options.get("against"):
            with open(options["against"], encoding="utf-8") as digest:
                problems += digest_check(digest.readlines())
        if problems:
            for problem in problems:
                self.stderr.write(f"TAMPERED: {problem}")
            if broken:
                raise CommandError(
                    f"audit chain of {broken[0].organization} broken at entry "
                    f"#{broken[0].sequence}",
                    returncode=1,
                )
            raise CommandError("the chains differ from the anchored digest", returncode=1)
        count = AuditEntry.objects.count()
        chains = AuditChainHead.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"audit chain intact: {count} entries verified in {chains} chains")
        )

    def _digest(self):
        moment, lines = audit_digest()
        self.stdout.write(f"# Resguardo audit digest {moment.isoformat(timespec='seconds')}")
        self.stdout.write("# chain\tsequence\thead hash\tHMAC-SHA256\torganization")
        for line in lines:
            self.stdout.write(str(line))
