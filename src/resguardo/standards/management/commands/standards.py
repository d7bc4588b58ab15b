import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.http import Http404

from resguardo.standards import selectors
from resguardo.standards.oscal import library_to_oscal
from resguardo.standards.services import LIBRARIES_DIR, LibraryLoadError, libraries_load
from resguardo.standards.validation import validate_files


def _known_libraries_if_any(urns):
    try:
        return selectors.known_libraries(urns)
    except DatabaseError:  # no database yet: validate the files on their own
        return {}


class Command(BaseCommand):
    help = (
        "Standards library tools: `validate FILE...` checks files and prints every problem; "
        "`load [--path DIR]` loads all library files, all or nothing; `diff OLD_URN NEW_URN` "
        "compares two versions; `oscal URN` prints a library as an OSCAL catalog."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        validate = sub.add_parser("validate", help="check library files; exit 1 on any problem")
        validate.add_argument("files", nargs="+", metavar="FILE")
        load = sub.add_parser("load", help="load every library file of a folder (idempotent)")
        load.add_argument(
            "--path", default=None, help=f"folder of library files (default: {LIBRARIES_DIR})"
        )
        diff = sub.add_parser("diff", help="nodes added, removed and changed between versions")
        diff.add_argument("old", metavar="OLD_URN")
        diff.add_argument("new", metavar="NEW_URN")
        oscal = sub.add_parser("oscal", help="print a library as an OSCAL 1.0.6 catalog (JSON)")
        oscal.add_argument("urn", metavar="URN")
        oscal.add_argument("--language", choices=["es", "en"], default="en")

    def handle(self, *args, action, **options):
        return getattr(self, f"handle_{action}")(**options) or ""

    def handle_validate(self, files, **options):
        paths = [Path(f) for f in files]
        context = {
            sibling
            for path in paths
            if path.parent.is_dir()
            for sibling in [*path.parent.glob("*.yaml"), *path.parent.glob("*.yml")]
        }
        report = validate_files(
            paths, context_paths=sorted(context), loaded_libraries=_known_libraries_if_any
        )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            bad = len({p.file for p in report.problems})
            raise CommandError(
                f"{len(report.problems)} problem(s) in {bad} of {len(paths)} file(s)", returncode=1
            )
        self.stdout.write(self.style.SUCCESS(f"{len(paths)} file(s) valid"))

    def handle_load(self, path, verbosity, **options):
        try:
            outcomes = libraries_load(directory=path)
        except LibraryLoadError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"nothing was loaded: {len(error.problems)} problem(s); the versions already "
                f"loaded stay active",
                returncode=1,
            ) from None
        if verbosity >= 1:
            for outcome in outcomes:
                state = "loaded" if outcome.created else "unchanged"
                self.stdout.write(f"{state:<10} {outcome.urn}  ({outcome.file})")
            created = sum(1 for o in outcomes if o.created)
            self.stdout.write(
                self.style.SUCCESS(f"{created} loaded, {len(outcomes) - created} unchanged")
            )

    def _library(self, urn):
        try:
            return selectors.library_get(urn)
        except Http404:
            raise CommandError(f"no library {urn} is loaded") from None

    def handle_diff(self, old, new, **options):
        result = selectors.library_diff(self._library(old), self._library(new))
        out = self.stdout
        out.write(f"{old} -> {new}")
        for node in result.added:
            out.write(f"+ {node.ref_id}  {node.title_en}")
        for node in result.removed:
            out.write(f"- {node.ref_id}  {node.title_en}")
        for change in result.changed:
            out.write(f"~ {change.new.ref_id}  {change.new.title_en}  [{', '.join(change.fields)}]")
        out.write(
            f"{len(result.added)} added, {len(result.removed)} removed, "
            f"{len(result.changed)} changed, {result.unchanged} unchanged"
        )
        for sign, changes in (
            ("+", result.mappings_added),
            ("-", result.mappings_removed),
            ("~", result.mappings_changed),
        ):
            for change in changes:
                link = f"{change.own.ref_id} -> {change.other.library.framework.key} "
                link += f"{change.other.ref_id}  {change.mapping.relationship}"
                what = f"  [{', '.join(change.fields)}]" if change.fields else ""
                out.write(f"{sign} mapping {link}{what}")
        if result.mappings_differ:
            out.write(
                f"crosswalk: {len(result.mappings_added)} added, "
                f"{len(result.mappings_removed)} removed, {len(result.mappings_changed)} changed"
            )

    def handle_oscal(self, urn, language, **options):
        document = library_to_oscal(self._library(urn), language=language)
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
