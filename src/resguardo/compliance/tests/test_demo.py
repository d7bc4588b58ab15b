from resguardo.accounts.demo import seed_demo
from resguardo.compliance.choices import Result
from resguardo.compliance.models import ActionItem, Assessment, AuditFinding, Evidence
from resguardo.compliance.selectors.records import overdue_q

from .factories import load_libraries


def test_demo_seeds_a_seventy_percent_neec_assessment(db):
    load_libraries()
    context = seed_demo()
    assessment = Assessment.objects.get(organization=context.organization)
    results = assessment.results.all()
    answered = results.exclude(result=Result.NOT_ASSESSED).count()
    assert 0.65 <= answered / results.count() <= 0.75
    assert "Comité de Seguridad" in results.get(node__ref_id="1.1").answer
    assert Evidence.objects.filter(organization=context.organization).count() >= 6
    assert ActionItem.objects.filter(overdue_q(), organization=context.organization).count() == 1
    assert AuditFinding.objects.filter(organization=context.organization).count() == 2
