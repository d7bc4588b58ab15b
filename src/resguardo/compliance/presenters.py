"""Small display helpers shared by pages (and usable by reports)."""

from html import escape

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from resguardo.standards.i18n import prefers_spanish

from .choices import Result

RESULT_BADGES = {
    Result.COMPLIANT: "badge-ok",
    Result.PARTIAL: "badge-warn",
    Result.NON_COMPLIANT: "badge-bad",
    Result.NOT_APPLICABLE: "badge-info",
    Result.NOT_ASSESSED: "",
}


def result_badge_class(value: str) -> str:
    return RESULT_BADGES.get(value, "")


def flag_labels(assessment) -> list[str]:
    """The assessment's applicability flags as the library names them in the active language."""
    labels = {flag["key"]: flag["label"] for flag in assessment.library.flags}
    return [str(labels.get(key) or key) for key in assessment.flags]


def validity_badge_class(valid_until, today=None) -> str:
    """One colour rule for evidence validity everywhere: expired red, expiring within the
    warning window amber, otherwise green."""
    import datetime

    from django.utils import timezone

    from .selectors.records import EXPIRY_WARNING_DAYS

    if valid_until is None:
        return ""
    today = today or timezone.localdate()
    if valid_until < today:
        return "badge-bad"
    if valid_until <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS):
        return "badge-warn"
    return "badge-ok"


def percent(value) -> str:
    return "—" if value is None else f"{value:.1f}".rstrip("0").rstrip(".") + "%"


def _person(first, last, email) -> str:
    name = f"{first or ''} {last or ''}".strip()
    return escape(name or email or "")


def result_rows_html(rows, *, selectable: bool = False) -> str:
    """Table rows for a results list, from `selectors.result_rows`. Built in Python rather
    than with the template engine: a thousand requirements must render well under 150 ms."""
    labels = {value: escape(str(label)) for value, label in Result.choices}
    reviewed = escape(_("Reviewed"))
    base = reverse("compliance:result_detail", args=[0])[: -len("0/")]
    spanish = prefers_spanish()
    out = []
    for r in rows:
        ref = escape(r["node__ref_id"])
        title = escape((r["node__title_es"] if spanish else r["node__title_en"])
                       or r["node__title_es"] or r["node__title_en"])  # fmt: skip
        depth = r["node__depth"]
        indent = f' style="padding-left:{0.6 + depth * 0.9:.1f}rem"' if depth > 1 else ""
        check = (
            f'<td><input type="checkbox" name="results" value="{r["id"]}" form="assign-form" '
            f'aria-label="{ref}"></td>'
            if selectable
            else ""
        )
        due = date_format(r["due_date"], "SHORT_DATE_FORMAT") if r["due_date"] else ""
        review = f'<span class="badge badge-ok">{reviewed}</span>' if r["reviewed_at"] else ""
        owner = _person(r["owner__first_name"], r["owner__last_name"], r["owner__email"])
        out.append(
            f'<tr data-result="{r["result"]}">{check}'
            f'<td{indent}><a href="{base}{r["id"]}/">{ref}</a></td>'
            f'<td><a href="{base}{r["id"]}/">{title}</a></td>'
            f'<td><span class="badge {RESULT_BADGES.get(r["result"], "")}">'
            f"{labels.get(r['result'], '')}</span></td>"
            f"<td>{owner}</td><td>{due}</td><td>{review}</td>"
            f'<td class="num">{r["evidence_count"] or ""}</td></tr>'
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


def tree_rows_html(roots, *, pct=percent) -> str:
    """The assessment tree as table rows (same reason as result_rows_html)."""
    labels = {value: escape(str(label)) for value, label in Result.choices}
    base = reverse("compliance:result_detail", args=[0])[: -len("0/")]
    out = []

    def walk(node):
        ref, title = escape(node.ref_id), escape(node.title)
        link = (
            f'<a href="{base}{node.result_id}/">{ref} {title}</a>'
            if node.result_id
            else f"{ref} {title}"
        )
        if node.depth == 0:
            out.append(
                f'<tr class="tree-standard"><th colspan="2">{link}</th>'
                f'<th class="num">{pct(node.progress)}</th>'
                f'<th class="num">{pct(node.readiness)}</th></tr>'
            )
        else:
            badge = (
                f'<span class="badge {RESULT_BADGES.get(node.result, "")}">'
                f"{labels.get(node.result, '')}</span>"
                if node.result
                else ""
            )
            rollup = bool(node.children)
            out.append(
                f'<tr><td style="padding-left:{node.depth}rem">{link}</td>'
                f"<td>{badge}</td>"
                f'<td class="num">{pct(node.progress) if rollup else ""}</td>'
                f'<td class="num">{pct(node.readiness) if rollup else ""}</td></tr>'
            )
        for child in node.children:
            walk(child)

    for root in roots:
        walk(root)
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped
