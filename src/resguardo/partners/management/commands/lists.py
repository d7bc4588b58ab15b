"""`resguardo lists fetch|import|status`: the official watchlists."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from resguardo.partners.models import ListVersion
from resguardo.partners.watchlists import sources
from resguardo.partners.watchlists.fetch import fetch_source
from resguardo.partners.watchlists.importer import list_version_import


class Command(BaseCommand):
    help = (
        "Official watchlists (SAT 69-B, SAT Art. 69, OFAC). `fetch` downloads them from their "
        "public addresses (WATCHLIST_URL_* variables), `import` reads a local file, `status` "
        "shows the current versions. A refused file leaves the current version in use."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        fetch = sub.add_parser("fetch", help="download and import every list (or the ones named)")
        fetch.add_argument(
            "sources",
            nargs="*",
            metavar="LIST",
            help=f"lists to fetch (default: all): {', '.join(sources.SOURCES)}",
        )
        load = sub.add_parser("import", help="import a file as published")
        load.add_argument("source", choices=list(sources.SOURCES))
        load.add_argument("file", type=Path)
        load.add_argument("--aliases", type=Path, help="OFAC alt.csv (or cons_alt.csv)")
        load.add_argument(
            "--allow-shrink",
            action="store_true",
            help="accept a file with less than half the entries of the current version",
        )
        sub.add_parser("status", help="current version of each list")

    def handle(self, *args, action, **options):
        if action == "fetch":
            if options["sources"]:
                return self.fetch(options["sources"])
            return self.fetch(self._with_address(list(sources.SOURCES)))
        if action == "import":
            return self.load(
                options["source"],
                options["file"],
                options.get("aliases"),
                allow_shrink=options["allow_shrink"],
            )
        return self.status()

    def _with_address(self, names):
        """Fetching every list leaves out those without an address, saying so."""
        kept = []
        for name in names:
            spec = sources.get_source(name)
            if spec.has_address:
                kept.append(name)
            else:
                self.stdout.write(
                    f"{name}: skipped, no address set ({spec.url_variable}); "
                    f"import the file with `resguardo lists import {name} FILE`"
                )
        return kept

    def fetch(self, names):
        unknown = [n for n in names if n not in sources.SOURCES]
        if unknown:
            raise CommandError(
                f"unknown list(s): {', '.join(unknown)}; known: {', '.join(sources.SOURCES)}"
            )
        failed = []
        for name in names:
            try:
                result = fetch_source(name)
            except ValidationError as error:
                failed.append(name)
                self.stderr.write(f"{name}: REFUSED: {' '.join(error.messages)}")
                continue
            self.stdout.write(f"{name}: {result.message}")
        if failed:
            raise CommandError(
                f"{len(failed)} list(s) not updated: {', '.join(failed)}", returncode=1
            )

    def load(self, source, path: Path, aliases: Path | None, *, allow_shrink=False):
        try:
            content = path.read_bytes()
            alias_content = aliases.read_bytes() if aliases else None
        except OSError as error:
            raise CommandError(f"cannot read {error.filename}: {error.strerror}") from None
        try:
            result = list_version_import(
                source=source,
                content=content,
                file_name=path.name,
                alias_content=alias_content,
                origin=str(path),
                allow_shrink=allow_shrink,
            )
        except ValidationError as error:
            raise CommandError(
                f"{source}: REFUSED: {' '.join(error.messages)}", returncode=1
            ) from None
        self.stdout.write(result.message)

    def status(self):
        for name, spec in sources.SOURCES.items():
            version = ListVersion.objects.filter(source=name, is_current=True).first()
            if version is None:
                where = spec.url or f"no address: set {spec.url_variable}"
                self.stdout.write(f"{name:<24} not imported  ({where})")
                continue
            day = version.published_on or version.imported_at.date()
            self.stdout.write(
                f"{name:<24} {day}  {version.entry_count:>7} entries  sha256 {version.sha256[:12]}"
            )
