"""HTTP responses for every report, shared by the pages and the API (one code path each).

Callers have already fetched the assessment through `compliance.selectors.assessment_get`,
so it belongs to the acting organization and a site the person may see.
"""

import json

from django.http import HttpResponse, StreamingHttpResponse

from .choices import report_language
from .oscal import assessment_results, oscal_filename
from .package import build_package, package_filename, stream_package
from .pdf import PDF_TYPE, pdf_filename, render_assessment_pdf
from .xlsx_export import XLSX_TYPE, assessment_workbook, workbook_filename


def _private(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def pdf_response(*, membership, assessment, language) -> HttpResponse:
    language = report_language(language)
    body = render_assessment_pdf(membership=membership, assessment=assessment, language=language)
    return _private(HttpResponse(body, content_type=PDF_TYPE), pdf_filename(assessment, language))


def workbook_response(*, membership, assessment, language) -> HttpResponse:
    body = assessment_workbook(membership=membership, assessment=assessment, language=language)
    return _private(HttpResponse(body, content_type=XLSX_TYPE), workbook_filename(assessment))


def oscal_response(*, membership, assessment, language) -> HttpResponse:
    language = report_language(language)
    document = assessment_results(membership=membership, assessment=assessment, language=language)
    body = json.dumps(document, ensure_ascii=False, indent=2)
    return _private(
        HttpResponse(body, content_type="application/json; charset=utf-8"),
        oscal_filename(assessment, language),
    )


def package_response(*, membership, assessment, language) -> StreamingHttpResponse:
    package = build_package(membership=membership, assessment=assessment, language=language)
    response = StreamingHttpResponse(
        stream_package(package, membership=membership), content_type="application/zip"
    )
    return _private(response, package_filename(assessment))
