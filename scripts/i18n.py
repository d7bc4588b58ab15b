"""Translation catalogs of Resguardo: extract, compile, check.

    uv run python scripts/i18n.py extract APP [APP ...]   # needs GNU gettext (xgettext, msgmerge)
    uv run python scripts/i18n.py compile                 # .po -> .mo with polib, no gettext needed
    uv run python scripts/i18n.py check                   # exit 1 on untranslated/fuzzy/bad entries

Each app keeps its own Spanish (Mexico) catalog in
src/resguardo/<app>/locale/es_MX/LC_MESSAGES/django.po. `extract` runs Django's makemessages
from inside the app directory, so the catalog holds that app's strings only. Strings of
folders that are not apps (src/resguardo/config: the LANGUAGES labels) are added to core's
catalog. See docs/i18n.md.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "resguardo"
LOCALE = "es_MX"
DOMAIN = "django"
WRAP = 79
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"  # the same as Django's own es_MX catalog
# Folders without a catalog of their own, whose strings live in another app's catalog.
EXTRA_SOURCES = {"core": ["config"]}
IGNORE = ["tests", "migrations"]
# The keywords Django's makemessages gives xgettext for Python sources.
PY_KEYWORDS = [
    "gettext_noop",
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
]

NAMED_PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
PRINTF_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def catalog_path(app: str) -> Path:
    return PACKAGE / app / "locale" / LOCALE / "LC_MESSAGES" / f"{DOMAIN}.po"


def all_catalogs() -> list[Path]:
    return sorted(PACKAGE.glob(f"*/locale/*/LC_MESSAGES/{DOMAIN}.po"))


def entry_key(entry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


# extract ---------------------------------------------------------------------------


def require_gettext() -> None:
    missing = [tool for tool in ("xgettext", "msgmerge", "msguniq") if not shutil.which(tool)]
    if missing:
        sys.exit(
            f"extract needs GNU gettext ({', '.join(missing)} not found). "
            "Install it (Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext). "
            "`compile` and `check` work without it."
        )


def run_makemessages(app_dir: Path) -> None:
    (app_dir / "locale").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    command = [
        sys.executable,
        "-P",  # keep the app directory off sys.path: core/selectors.py is not the stdlib's
        "-m",
        "django",
        "makemessages",
        "--locale",
        LOCALE,
        "--domain",
        DOMAIN,
        "--no-obsolete",
        "--add-location=file",
        "--verbosity=0",
    ]
    for pattern in IGNORE:
        command += ["--ignore", pattern]
    subprocess.run(command, cwd=app_dir, env=env, check=True)  # noqa: S603 (fixed arguments)


def extract_folder(folder: Path) -> polib.POFile:
    """Messages of the Python files of a folder that has no catalog, as a template."""
    sources = sorted(
        str(p.relative_to(PACKAGE))
        for p in folder.rglob("*.py")
        if not any(part in IGNORE for part in p.relative_to(folder).parts)
    )
    command = [
        "xgettext",
        "--language=Python",
        "--from-code=UTF-8",
        "--add-comments=Translators",
        "--add-location=file",
        "--output=-",
        *[f"--keyword={k}" for k in PY_KEYWORDS],
        *sources,
    ]
    output = subprocess.run(  # noqa: S603 (fixed arguments and our own file names)
        command, cwd=PACKAGE, check=True, capture_output=True, text=True
    )
    return polib.pofile(output.stdout or 'msgid ""\nmsgstr ""\n')


def merge_extra(po: polib.POFile, extra: polib.POFile, previous: dict) -> int:
    """Add the extra folder's messages to `po`, keeping translations from before."""
    present = {entry_key(e): e for e in po}
    added = 0
    for entry in extra:
        locations = [(f"../{path}", line) for path, line in entry.occurrences]
        existing = present.get(entry_key(entry))
        if existing is not None:
            existing.occurrences += [o for o in locations if o not in existing.occurrences]
            continue
        old = previous.get(entry_key(entry))
        new = polib.POEntry(
            msgctxt=entry.msgctxt,
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgstr=old.msgstr if old else "",
            msgstr_plural=dict(old.msgstr_plural) if old and entry.msgid_plural else {},
            occurrences=locations,
            flags=[*entry.flags, *(["fuzzy"] if old and "fuzzy" in old.flags else [])],
            comment=entry.comment,
            tcomment=old.tcomment if old else "",
        )
        if entry.msgid_plural and not new.msgstr_plural:
            new.msgstr_plural = {0: "", 1: ""}
        po.append(new)
        present[entry_key(new)] = new
        added += 1
    return added


def tidy_header(po: polib.POFile, app: str) -> None:
    po.header = (
        f"Spanish (Mexico) messages of Resguardo's {app} app.\n"
        "Extract with `scripts/i18n.py extract`, see docs/i18n.md."
    )
    po.metadata_is_fuzzy = []
    po.metadata.pop("Report-Msgid-Bugs-To", None)
    po.metadata.update(
        {
            "Project-Id-Version": "resguardo",
            "Last-Translator": "Resguardo team",
            "Language-Team": "Spanish (Mexico)",
            "Language": LOCALE,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    )
    if "INTEGER" in po.metadata.get("Plural-Forms", "INTEGER"):
        po.metadata["Plural-Forms"] = PLURAL_FORMS
    if po.metadata.get("PO-Revision-Date", "").startswith("YEAR"):
        po.metadata["PO-Revision-Date"] = po.metadata.get("POT-Creation-Date", "")


def messages_text(po: polib.POFile) -> str:
    return "\n".join(str(entry) for entry in po)


def extract(apps: list[str]) -> int:
    require_gettext()
    for app in apps:
        app_dir = PACKAGE / app
        if not (app_dir / "apps.py").is_file():
            sys.exit(f"{app}: not an app under {relative(PACKAGE)} (no apps.py)")
        path = catalog_path(app)
        before = polib.pofile(str(path)) if path.exists() else None
        previous = {entry_key(e): e for e in before} if before is not None else {}
        run_makemessages(app_dir)
        if not path.exists():
            print(f"{app}: no translatable strings yet, no catalog written")
            continue
        po = polib.pofile(str(path), wrapwidth=WRAP)
        added = 0
        for folder in EXTRA_SOURCES.get(app, []):
            added += merge_extra(po, extract_folder(PACKAGE / folder), previous)
        tidy_header(po, app)
        if before is not None and messages_text(before) == messages_text(po):
            # Nothing changed: keep the date, so the file shows no diff.
            po.metadata["POT-Creation-Date"] = before.metadata.get("POT-Creation-Date", "")
        po.save()
        todo = len(po.untranslated_entries()) + len(po.fuzzy_entries())
        extra = f" ({added} from {', '.join(EXTRA_SOURCES[app])})" if added else ""
        print(f"{relative(path)}: {len(po)} messages{extra}, {todo} to translate or review")
    return 0


# compile ---------------------------------------------------------------------------


def compile_all() -> int:
    catalogs = all_catalogs()
    for path in catalogs:
        po = polib.pofile(str(path))
        po.save_as_mofile(str(path.with_suffix(".mo")))
        print(f"{relative(path.with_suffix('.mo'))}: {len(po.translated_entries())} messages")
    if not catalogs:
        print("no catalogs found")
    return 0


# check -----------------------------------------------------------------------------


def placeholders(text: str, flags) -> Counter:
    found = Counter(NAMED_PLACEHOLDER.findall(text))
    if "python-format" in flags:
        found = Counter(PRINTF_PLACEHOLDER.findall(text))
    if "python-brace-format" in flags:
        found += Counter(BRACE_PLACEHOLDER.findall(text))
    return found


def placeholder_problem(entry) -> str | None:
    """Why the translation's placeholders differ from the original's, or None."""
    if not entry.msgid_plural:
        if placeholders(entry.msgid, entry.flags) != placeholders(entry.msgstr, entry.flags):
            return "placeholders differ"
        return None
    allowed = set(placeholders(entry.msgid + entry.msgid_plural, entry.flags))
    plural = set(placeholders(entry.msgid_plural, entry.flags))
    forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    if any(not set(placeholders(form, entry.flags)) <= allowed for form in forms):
        return "a plural form has a placeholder the original lacks"
    if forms and set(placeholders(forms[-1], entry.flags)) != plural:
        return "the last plural form's placeholders differ from msgid_plural's"
    return None


def is_untranslated(entry) -> bool:
    if entry.msgid_plural:
        return not entry.msgstr_plural or not all(entry.msgstr_plural.values())
    return not entry.msgstr


def catalog_problems(path: Path) -> list[str]:
    po = polib.pofile(str(path))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        label = f"msgid {entry.msgid!r}"
        if entry.msgctxt:
            label += f" (context {entry.msgctxt!r})"
        if is_untranslated(entry):
            problems.append(f"untranslated: {label}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {label}")
        elif (why := placeholder_problem(entry)) is not None:
            problems.append(f"{why}: {label}")
    mo_path = path.with_suffix(".mo")
    if not mo_path.exists():
        problems.append("no compiled .mo (run `scripts/i18n.py compile`)")
    elif mo_entries(polib.mofile(str(mo_path))) != mo_entries(polib.mofile(po.to_binary())):
        problems.append("the .mo is older than the .po (run `scripts/i18n.py compile`)")
    return problems


def mo_entries(mo) -> set:
    return {
        (e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in mo
    }


def translation_of(entry) -> tuple:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def conflicts(paths: list[Path]) -> list[str]:
    """Messages translated differently in two catalogs of one language.

    Django merges every app's catalog into one, so only one of the translations would show.
    """
    seen: dict[tuple, tuple[tuple, Path]] = {}
    found = []
    for path in paths:
        language = path.parent.parent.name
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.translated():
                continue
            key = (language, *entry_key(entry))
            if key not in seen:
                seen[key] = (translation_of(entry), path)
            elif seen[key][0] != translation_of(entry):
                other = relative(seen[key][1])
                found.append(
                    f"msgid {entry.msgid!r}: {relative(path)} says {translation_of(entry)[0]!r}, "
                    f"{other} says {seen[key][0][0]!r} (use the same words, or pgettext with a "
                    "context when the meaning differs)"
                )
    return found


def check() -> int:
    failed = False
    paths = all_catalogs()
    for path in paths:
        problems = catalog_problems(path)
        total = len([e for e in polib.pofile(str(path)) if not e.obsolete])
        if problems:
            failed = True
            print(f"{relative(path)}: {total} messages, {len(problems)} problems")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"{relative(path)}: {total} messages, all translated")
    clashes = conflicts(paths)
    if clashes:
        failed = True
        print("translated differently in two catalogs:")
        for clash in clashes:
            print(f"  {clash}")
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    extract_parser = sub.add_parser("extract", help="update the catalogs of the given apps")
    extract_parser.add_argument("apps", nargs="+", metavar="APP", help="e.g. core accounts")
    sub.add_parser("compile", help="compile every .po under src/resguardo/*/locale to .mo")
    sub.add_parser("check", help="list untranslated, fuzzy or broken entries; exit 1 if any")
    args = parser.parse_args(argv)
    if args.command == "extract":
        return extract(args.apps)
    if args.command == "compile":
        return compile_all()
    return check()


if __name__ == "__main__":
    sys.exit(main())
