import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from resguardo.compliance import selectors, services
from resguardo.compliance.choices import AssessmentStatus, Result
from resguardo.compliance.models import AssessmentSnapshot, RequirementResult
from resguardo.core.actors import Actor
from resguardo.core.exceptions import ConcurrentEditError, FrozenRecordError
from resguardo.core.models import AuditEntry

from .factories import answer_all, neec_library, start_assessment


def _result(assessment, ref_id):
    return RequirementResult.objects.select_related("node", "assessment").get(
        assessment=assessment, node__ref_id=ref_id
    )


def test_assessment_has_one_result_per_applicable_requirement(world, neec):
    without_yard = start_assessment(world)
    with_yard = start_assessment(world, flags=["yard"], name="Con patio")
    refs = set(without_yard.results.values_list("node__ref_id", flat=True))
    assert len(refs) == 35  # the 35 sub-standards of the agent profile
    assert "2.3.P1" not in refs
    assert with_yard.results.filter(node__ref_id="2.3.P1").exists()
    assert with_yard.results.count() > without_yard.results.count()
    assert set(without_yard.results.values_list("result", flat=True)) == {Result.NOT_ASSESSED}


def test_unknown_flag_and_other_organizations_site_are_refused(world, neec):
    with pytest.raises(ValidationError) as error:
        start_assessment(world, flags=["airport"])
    assert "airport" in str(error.value)
    with pytest.raises(ValidationError):
        start_assessment(world, site=world.other_site)


@pytest.mark.parametrize("persona", ["sam", "sofia", "audrey"])
def test_only_compliance_roles_start_assessments(world, neec, persona):
    with pytest.raises(PermissionDenied):
        start_assessment(world, actor=getattr(world, persona))


def test_answer_changes_readiness_and_clears_review(world, assessment):
    membership = world.membership(world.carla)
    item = _result(assessment, "1.1")
    item = services.result_update(
        actor=Actor.for_member(membership),
        target=item,
        result=Result.COMPLIANT,
        answer="Contamos con matriz de riesgos anual.",
    )
    # Four eyes: a second person (alice) signs off carla's answer.
    item = services.result_review(actor=world.actor(world.alice), target=item)
    assert item.reviewed_by == world.alice
    item = services.result_update(
        actor=Actor.for_member(membership), target=item, result=Result.PARTIAL
    )
    assert item.reviewed_at is None and item.reviewed_by is None
    readiness = selectors.assessment_readiness([assessment])[assessment.pk]
    assert readiness.overall.count(Result.PARTIAL) == 1


def test_not_applicable_needs_a_justification(world, assessment):
    item = _result(assessment, "2.3")
    with pytest.raises(ValidationError) as error:
        services.result_update(
            actor=world.actor(world.carla),
            target=item,
            result=Result.NOT_APPLICABLE,
        )
    assert "justification" in error.value.error_dict


def test_second_save_of_same_version_is_a_conflict_and_first_text_kept(world, assessment):
    membership = world.membership(world.carla)
    mine = _result(assessment, "1.2")
    theirs = _result(assessment, "1.2")
    services.result_update(
        actor=world.actor(world.alice),
        target=theirs,
        answer="Versión de Alice",
        expected_version=1,
    )
    with pytest.raises(ConcurrentEditError):
        services.result_update(
            actor=Actor.for_member(membership),
            target=mine,
            answer="Versión de Carla",
            expected_version=1,
        )
    assert _result(assessment, "1.2").answer == "Versión de Alice"


def test_staff_answers_only_what_is_assigned_to_them(world, assessment):
    sofia = world.membership(world.sofia)
    item = _result(assessment, "3.3")
    with pytest.raises(PermissionDenied):
        services.result_update(actor=Actor.for_member(sofia), target=item, answer="x")
    services.result_assign(
        actor=world.actor(world.carla),
        target=item,
        owner=world.sofia,
    )
    item = _result(assessment, "3.3")
    saved = services.result_update(
        actor=Actor.for_member(sofia),
        target=item,
        result=Result.COMPLIANT,
        answer="Bitácora de visitantes en caseta.",
    )
    assert saved.answered_by == world.sofia
    with pytest.raises(PermissionDenied):  # assigning and reviewing stay with compliance
        services.result_review(actor=Actor.for_member(sofia), target=saved)
    with pytest.raises(PermissionDenied):
        services.result_assign(actor=Actor.for_member(sofia), target=saved, owner=None)


def test_cannot_assign_to_someone_outside_the_organization(world, assessment):
    with pytest.raises(ValidationError):
        services.result_assign(
            actor=world.actor(world.carla),
            target=_result(assessment, "1.1"),
            owner=world.oscar,
        )


def test_freeze_refused_until_every_requirement_is_assessed(world, assessment):
    with pytest.raises(ValidationError) as error:
        services.assessment_freeze(actor=world.actor(world.carla), assessment=assessment)
    assert "35" in str(error.value)


def test_frozen_assessment_cannot_change_through_any_service(world, assessment):
    membership = world.membership(world.carla)
    answer_all(world, assessment)
    assessment.refresh_from_db()
    frozen = services.assessment_freeze(
        actor=world.actor(world.alice),
        assessment=assessment,
        statement="Revisado con el comité.",
    )
    assert frozen.status == AssessmentStatus.FROZEN
    snapshot = AssessmentSnapshot.objects.get(assessment=frozen)
    assert snapshot.sha256 == frozen.snapshot_sha256 == services.canonical_hash(snapshot.content)
    assert len(snapshot.content["results"]) == 35
    assert AuditEntry.objects.filter(
        object_type="compliance.assessment", after__snapshot_sha256=snapshot.sha256
    ).exists()
    item = _result(frozen, "1.1")
    attempts = [
        lambda: services.result_update(
            actor=Actor.for_member(membership), target=item, answer="cambio"
        ),
        lambda: services.result_assign(
            actor=Actor.for_member(membership), target=item, owner=world.carla
        ),
        lambda: services.result_review(actor=Actor.for_member(membership), target=item),
        lambda: services.assessment_update(
            actor=Actor.for_member(membership), assessment=frozen, name="Otro"
        ),
        lambda: services.assessment_freeze(actor=Actor.for_member(membership), assessment=frozen),
        lambda: services.results_assign(
            actor=Actor.for_member(membership),
            assessment=frozen,
            result_ids=[item.pk],
            owner=world.carla,
        ),
    ]
    for attempt in attempts:
        with pytest.raises(FrozenRecordError):
            attempt()
    assert _result(frozen, "1.1").answer == "Respuesta para 1.1"


def test_new_assessment_from_previous_copies_answers_and_resets_reviews(world, assessment):
    membership = world.membership(world.carla)
    item = _result(assessment, "4.1")
    item = services.result_update(
        actor=Actor.for_member(membership),
        target=item,
        result=Result.PARTIAL,
        answer="Evaluamos a los socios con un cuestionario.",
    )
    services.result_review(actor=world.actor(world.alice), target=item)
    services.result_assign(
        actor=Actor.for_member(membership),
        target=_result(assessment, "4.1"),
        owner=world.sam,
    )
    follow_up = services.assessment_create(
        actor=Actor.for_member(membership),
        library=neec_library(),
        name="2027",
        previous=assessment,
    )
    copied = _result(follow_up, "4.1")
    assert copied.result == Result.PARTIAL
    assert copied.answer == "Evaluamos a los socios con un cuestionario."
    assert copied.owner == world.sam
    assert copied.reviewed_at is None and copied.reviewed_by is None
    assert follow_up.previous == assessment


def test_readiness_formula_weights_and_not_applicable(world, assessment):
    from resguardo.compliance.scoring import tally_results

    tally = tally_results(
        [
            ("compliant", 2),
            ("partial", 1),
            ("non_compliant", 1),
            ("not_applicable", 5),
            ("not_assessed", 1),
        ]
    )
    assert tally.readiness == 50.0  # (2×1 + 1×0.5) / (2+1+1+1) = 2.5/5
    assert tally.progress == 80.0


def test_outsider_gets_404_for_another_organizations_assessment(world, assessment):
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.assessment_get(membership=world.membership(world.oscar), pk=assessment.pk)


def test_tree_rolls_results_up_to_each_standard(world, assessment):
    item = _result(assessment, "1.1")  # weight 2
    services.result_update(
        actor=world.actor(world.carla),
        target=item,
        result=Result.COMPLIANT,
    )
    tree = selectors.assessment_tree(
        membership=world.membership(world.carla), assessment=assessment
    )
    first = tree[0]
    assert first.ref_id == "1"
    assert [c.ref_id for c in first.children] == ["1.1", "1.2", "1.3", "1.4"]
    assert first.readiness == 40.0  # 2 of 5 weight points (1.1 weighs 2; three others 1)
    assert len(tree) == 11
