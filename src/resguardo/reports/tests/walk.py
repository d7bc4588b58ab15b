"""Report routes for the cross-app walks (tests/integration): each names one of organization
Norte's assessments (built by the compliance walk fixtures, `walk.compliance`)."""

from resguardo.testing.walk import WalkFixtures


def _assessment(w):
    return {"pk": w.compliance.assessment.pk}


URL_KWARGS = {
    name: _assessment
    for name in (
        "reports:assessment_reports",
        "reports:assessment_pdf",
        "reports:assessment_xlsx",
        "reports:assessment_import",
        "reports:assessment_oscal",
        "reports:assessment_package",
        "api:assessmentreport-pdf",
        "api:assessmentreport-xlsx",
        "api:assessmentreport-oscal-ar",
        "api:assessmentreport-evidence-package",
        "api:assessmentreport-import-xlsx",
    )
}

WALK = WalkFixtures(url_kwargs=URL_KWARGS)
