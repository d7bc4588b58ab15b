"""Spreadsheets of the people module: the register and the training matrix."""

from django.utils.translation import gettext as _

from .choices import TrainingState


def PERSON_HEADER():  # noqa: N802 - a header, read at request time in the user's language
    return [
        _("Employee number"),
        _("Full name"),
        _("Kind"),
        _("Post"),
        _("Sensitive post"),
        _("Site"),
        _("Provider"),
        _("Hire date"),
        _("Status"),
        _("Departed on"),
        _("Background check cleared on"),
        _("Photo taken on"),
        _("Emergency contact"),
        _("Emergency contact phone"),
    ]


def person_rows(people):
    for p in people:
        yield [
            p.employee_number,
            p.full_name,
            p.get_kind_display(),
            p.post.name,
            _("Yes") if p.post.sensitive else _("No"),
            p.site.name if p.site else "",
            p.provider,
            p.hire_date,
            p.get_status_display(),
            p.departed_on,
            p.cleared_on,
            p.photo_taken_on,
            p.emergency_contact_name,
            p.emergency_contact_phone,
        ]


def matrix_header(matrix):
    return [_("Employee number"), _("Full name"), _("Post"), *[c.name for c in matrix.courses]]


def matrix_rows(matrix):
    labels = {state.value: str(state.label) for state in TrainingState}
    for row in matrix.rows:
        cells = []
        for cell in row.cells:
            if not cell.state:
                cells.append("")
            elif cell.expires_on:
                cells.append(f"{labels[cell.state]} ({cell.expires_on.isoformat()})")
            else:
                cells.append(labels[cell.state])
        yield [row.person.employee_number, row.person.full_name, row.person.post_name, *cells]
