import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from openpyxl import load_workbook

from resguardo.compliance.choices import Result
from resguardo.compliance.models import RequirementResult
from resguardo.core.exceptions import FrozenRecordError
from resguardo.core.models import AuditEntry
from resguardo.reports.xlsx_columns import COLUMN_KEYS
from resguardo.reports.xlsx_export import assessment_workbook
from resguardo.reports.xlsx_import import check_workbook, import_workbook

from .helpers import freeze

COL = {key: index + 1 for index, key in enumerate(COLUMN_KEYS)}


def export(world, assessment, language="es", user=None):
    body = assessment_workbook(
        membership=world.membership(user or world.carla), assessment=assessment, language=language
    )
    return load_workbook(io.BytesIO(body))


def as_upload(workbook, name="autoevaluacion.xlsx"):
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return buffer


def row_of(sheet, ref_id):
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=COL["ref_id"]).value == ref_id:
            return row
    raise AssertionError(ref_id)


def listed_label(workbook, value):
    """The label the workbook's drop-down list offers for a result (file language)."""
    return workbook["lists"].cell(row=Result.values.index(value) + 1, column=1).value


def run_import(world, assessment, workbook, *, dry_run=False):
    """Import as carla; messages and column names in English."""
    with translation.override("en"):
        return import_workbook(
            actor=world.actor(world.carla),
            assessment=assessment,
            file=as_upload(workbook),
            dry_run=dry_run,
        )


def test_export_has_one_row_per_requirement_with_keys_lists_and_instructions(world, demo):
    assessment, _evidence = demo
    workbook = export(world, assessment, language="en")
    sheet = workbook.worksheets[0]
    assert sheet.title == "Requirements"
    assert sheet.freeze_panes == "D2"
    assert [c.value for c in sheet[1]][:4] == ["Requirement URN", "Ref.", "Requirement", "Result"]
    assert sheet.max_row - 1 == assessment.results.count()
    row = row_of(sheet, "1.1")
    stored = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.1")
    assert sheet.cell(row=row, column=COL["urn"]).value == stored.node.urn
    assert sheet.cell(row=row, column=COL["result"]).value == "Compliant"
    assert sheet.cell(row=row, column=COL["owner"]).value == "sam@norte.example.mx"
    assert sheet.cell(row=row, column=COL["version"]).value == stored.version
    formulas = {str(v.sqref)[0]: v for v in sheet.data_validations.dataValidation}
    assert formulas["D"].type == "list" and "lists!" in formulas["D"].formula1
    assert formulas["E"].type == "whole"
    lists = workbook["lists"]
    assert lists.sheet_state == "hidden"
    with translation.override("en"):
        labels = [str(label) for _v, label in Result.choices]
    assert [lists.cell(row=i, column=1).value for i in range(1, 6)] == labels
    assert "Instructions" in workbook.sheetnames


def test_round_trip_changes_the_result_and_writes_the_audit_log(world, demo):
    assessment, _evidence = demo
    workbook = export(world, assessment)
    sheet = workbook.worksheets[0]
    row = row_of(sheet, "1.2")
    sheet.cell(row=row, column=COL["result"]).value = listed_label(workbook, Result.NON_COMPLIANT)
    sheet.cell(row=row, column=COL["answer"]).value = "Falta difundir la política."
    sheet.cell(row=row, column=COL["owner"]).value = "CARLA@norte.example.mx"
    sheet.cell(row=row, column=COL["due_date"]).value = datetime.date(2026, 9, 30)
    target = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.2")
    audit_before = AuditEntry.objects.filter(object_id=str(target.pk)).count()

    report = run_import(world, assessment, workbook)

    assert report.ok and report.applied, report.errors
    assert [c.ref_id for c in report.changes] == ["1.2"]
    target.refresh_from_db()
    assert target.result == Result.NON_COMPLIANT
    assert target.answer == "Falta difundir la política."
    assert target.owner == world.carla and target.due_date == datetime.date(2026, 9, 30)
    assert AuditEntry.objects.filter(object_id=str(target.pk)).count() > audit_before


def test_english_labels_in_a_spanish_file_are_understood(world, demo):
    assessment, _evidence = demo
    workbook = export(world, assessment, language="es")
    sheet = workbook.worksheets[0]
    sheet.cell(row=row_of(sheet, "1.2"), column=COL["result"]).value = "Partially compliant"
    report = run_import(world, assessment, workbook)
    assert report.applied, report.errors
    assert RequirementResult.objects.get(assessment=assessment, node__ref_id="1.2").result == (
        Result.PARTIAL
    )


def test_a_dry_run_lists_the_changes_and_saves_nothing(world, demo):
    assessment, _evidence = demo
    workbook = export(world, assessment)
    sheet = workbook.worksheets[0]
    sheet.cell(row=row_of(sheet, "2.1"), column=COL["score"]).value = 15
    before = list(RequirementResult.objects.filter(assessment=assessment).values())
    report = run_import(world, assessment, workbook, dry_run=True)
    assert report.ok and not report.applied
    [change] = report.changes
    assert change.ref_id == "2.1" and [f.new for f in change.fields] == ["15"]
    assert list(RequirementResult.objects.filter(assessment=assessment).values()) == before


def test_every_bad_row_is_reported_and_nothing_changes(world, demo):
    assessment, _evidence = demo
    workbook = export(world, assessment, language="en")
    sheet = workbook.worksheets[0]
    good, urn, result, na, owner, date, score = (
        row_of(sheet, ref) for ref in ("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3")
    )
    sheet.cell(row=good, column=COL["answer"]).value = "A fine change that must not be saved."
    sheet.cell(row=urn, column=COL["urn"]).value = "urn:resguardo:neec-aa:2023:99.9"
    sheet.cell(row=result, column=COL["result"]).value = "Almost done"
    sheet.cell(row=na, column=COL["result"]).value = "Not applicable"
    sheet.cell(row=na, column=COL["justification"]).value = ""
    sheet.cell(row=owner, column=COL["owner"]).value = "oscar@sur.example.mx"
    sheet.cell(row=date, column=COL["due_date"]).value = "next Tuesday"
    sheet.cell(row=score, column=COL["score"]).value = 140
    before = list(RequirementResult.objects.filter(assessment=assessment).values())

    report = run_import(world, assessment, workbook)

    assert not report.applied
    problems = {(e.row, e.column) for e in report.errors}
    assert problems == {
        (urn, "Requirement URN"),
        (result, "Result"),
        (na, "Justification (not applicable)"),
        (owner, "Owner e-mail"),
        (date, "Due date"),
        (score, "Score (0-100)"),
    }
    assert report.bad_rows == 6
    assert list(RequirementResult.objects.filter(assessment=assessment).values()) == before


def test_a_row_changed_in_resguardo_since_the_export_is_a_conflict(world, demo):
    from resguardo.compliance import services

    assessment, _evidence = demo
    workbook = export(world, assessment)
    sheet = workbook.worksheets[0]
    row = row_of(sheet, "1.3")
    sheet.cell(row=row, column=COL["answer"]).value = "My offline answer."
    target = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.3")
    services.result_update(
        actor=world.actor(world.alice),
        target=target,
        answer="Alice answered in the app meanwhile.",
    )

    report = run_import(world, assessment, workbook)

    assert not report.applied
    [error] = report.errors
    assert error.row == row and error.column == "Row version"
    target.refresh_from_db()
    assert target.answer == "Alice answered in the app meanwhile."


def test_a_frozen_assessment_refuses_the_import(world, demo):
    assessment, _evidence = demo
    workbook = export(world, assessment)
    frozen = freeze(world, assessment)
    with pytest.raises(FrozenRecordError):
        run_import(world, frozen, workbook)


def test_a_file_of_another_assessment_or_not_excel_is_refused(world, demo):
    from resguardo.compliance.tests.factories import start_assessment

    assessment, _evidence = demo
    other = start_assessment(world, name="Otra autoevaluación")
    membership = world.membership(world.carla)
    workbook = export(world, assessment)
    with translation.override("en"):
        with pytest.raises(ValidationError, match="not exported from this assessment"):
            check_workbook(membership=membership, assessment=other, file=as_upload(workbook))
        with pytest.raises(ValidationError, match="not an Excel"):
            check_workbook(
                membership=membership,
                assessment=assessment,
                file=io.BytesIO(b"fecha,sello\n2026-01-01,MX1\n"),
            )


def test_only_the_compliance_team_imports(world, demo):
    from django.core.exceptions import PermissionDenied

    assessment, _evidence = demo
    workbook = export(world, assessment)
    with pytest.raises(PermissionDenied):
        import_workbook(
            actor=world.actor(world.audrey),
            assessment=assessment,
            file=as_upload(workbook),
        )


def test_an_unchanged_owner_who_has_left_is_no_error(world, demo):
    from resguardo.core.models import Membership

    assessment, _evidence = demo
    workbook = export(world, assessment)
    Membership.objects.filter(user=world.sam, organization=world.org).update(is_active=False)
    sheet = workbook.worksheets[0]
    row = row_of(sheet, "1.1")
    assert sheet.cell(row=row, column=COL["owner"]).value == world.sam.email
    sheet.cell(row=row, column=COL["comments"]).value = "Sam left; reassign soon."
    report = run_import(world, assessment, workbook)
    assert report.applied, report.errors


def test_an_answer_that_looks_like_a_formula_stays_text(world, demo):
    from resguardo.compliance import services

    assessment, _evidence = demo
    target = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.2")
    services.result_update(
        actor=world.actor(world.carla),
        target=target,
        answer='=HYPERLINK("http://x.example","x")',
    )
    workbook = export(world, assessment)
    sheet = workbook.worksheets[0]
    cell = sheet.cell(row=row_of(sheet, "1.2"), column=COL["answer"])
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    report = run_import(world, assessment, workbook)
    assert report.ok and report.changes == []


def test_a_row_signed_off_since_the_export_but_left_as_it_was_is_no_conflict(world, demo):
    from resguardo.compliance import services

    assessment, _evidence = demo
    workbook = export(world, assessment)
    sheet = workbook.worksheets[0]
    sheet.cell(row=row_of(sheet, "1.2"), column=COL["comments"]).value = "Edited offline."
    reviewed = RequirementResult.objects.get(assessment=assessment, node__ref_id="1.4")
    services.result_review(actor=world.actor(world.alice), target=reviewed)
    report = run_import(world, assessment, workbook)
    assert report.applied and [c.ref_id for c in report.changes] == ["1.2"], report.errors
    reviewed.refresh_from_db()
    assert reviewed.reviewed_by == world.alice
