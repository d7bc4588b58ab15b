"""A fee and an authority requirement are corrected from their pages; a stale form never
overwrites someone else's change, and bad input names its field."""

from django.urls import reverse

from .. import services
from ..choices import RequirementKind
from .factories import actor_for, day, granted


def _fee(world):
    certification = granted(world, granted_offset=-400)
    return services.fee_record(
        actor=actor_for(world, world.carla), certification=certification, year=day(0).year
    )


def _requirement(
    world,
    reference,
    *,
    kind=RequirementKind.REQUIREMENT,
    received_on=None,
    deadline=None,
    description="Documentos del sello",
):
    """A requirement carla recorded (two days ago unless told), due in 8 days when it is a
    requirement and no other deadline is given."""
    if deadline is None and kind == RequirementKind.REQUIREMENT:
        deadline = day(8)
    return services.requirement_create(
        actor=actor_for(world, world.carla),
        kind=kind,
        reference=reference,
        received_on=received_on or day(-2),
        deadline=deadline,
        description=description,
    )


def test_the_edit_form_shows_the_stored_due_date_in_spanish_too(world, client_for):
    """A date input reads ISO only: a date written the Spanish way shows an empty field."""
    fee = _fee(world)
    world.carla.language = "es-mx"
    world.carla.save(update_fields=["language"])
    form = client_for(world.carla).get(reverse("certification:fee_edit", args=[fee.pk]))
    assert "Editar el derecho de" in form.content.decode()
    assert f'value="{fee.due_on.isoformat()}"' in form.content.decode()


def test_the_officer_corrects_the_fee_amount_from_its_page(world, client_for):
    fee = _fee(world)
    client = client_for(world.carla)
    detail = client.get(reverse("certification:fee_detail", args=[fee.pk])).content.decode()
    edit_url = reverse("certification:fee_edit", args=[fee.pk])
    assert f'href="{edit_url}"' in detail
    response = client.post(
        edit_url,
        {
            "amount": "38797.00",
            "due_on": fee.due_on.isoformat(),
            "payment_reference": "",
            "version": fee.version,
        },  # fmt: skip
        follow=True,
    )
    assert "Fee saved." in response.content.decode()
    assert "38,797.00" in response.content.decode() or "38797.00" in response.content.decode()
    fee.refresh_from_db()
    assert str(fee.amount) == "38797.00"


def test_a_stale_fee_form_does_not_overwrite_a_newer_change(world, client_for):
    fee = _fee(world)
    stale_version = fee.version
    services.fee_update(actor=actor_for(world, world.carla), fee=fee, amount="40000.00")
    response = client_for(world.carla).post(
        reverse("certification:fee_edit", args=[fee.pk]),
        {"amount": "1.00", "due_on": fee.due_on.isoformat(), "version": stale_version},
    )
    assert response.status_code == 200
    fee.refresh_from_db()
    assert str(fee.amount) == "40000.00"


def test_a_fee_due_date_outside_its_year_is_refused_on_the_page(world, client_for):
    fee = _fee(world)
    response = client_for(world.carla).post(
        reverse("certification:fee_edit", args=[fee.pk]),
        {
            "amount": "",
            "due_on": fee.due_on.replace(year=fee.year + 1).isoformat(),
            "version": fee.version,
        },  # fmt: skip
    )
    assert response.status_code == 200
    assert "due_on" in response.context["form"].errors
    assert f"must fall in {fee.year}" in response.content.decode()
    before = fee.due_on
    fee.refresh_from_db()
    assert fee.due_on == before


def test_the_officer_moves_a_requirement_deadline(world, client_for):
    requirement = _requirement(world, "OFICIO-500-2026")
    client = client_for(world.carla)
    edit_url = reverse("certification:requirement_edit", args=[requirement.pk])
    detail = client.get(requirement.get_absolute_url()).content.decode()
    assert f'href="{edit_url}"' in detail
    form = client.get(edit_url).content.decode()
    assert "OFICIO-500-2026" in form
    response = client.post(
        edit_url,
        {"kind": RequirementKind.REQUIREMENT, "reference": "OFICIO-500-2026",
         "received_on": day(-2).isoformat(), "deadline": day(15).isoformat(),
         "description": "Documentos del sello y del candado", "version": requirement.version},
        follow=True,
    )  # fmt: skip
    assert "Saved." in response.content.decode()
    requirement.refresh_from_db()
    assert requirement.deadline == day(15)
    assert requirement.description == "Documentos del sello y del candado"


def test_a_deadline_before_receipt_is_refused_naming_the_field(world, client_for):
    requirement = _requirement(world, "OFICIO-501", deadline=day(5), description="x")
    response = client_for(world.carla).post(
        reverse("certification:requirement_edit", args=[requirement.pk]),
        {"kind": RequirementKind.REQUIREMENT, "reference": "OFICIO-501",
         "received_on": day(-2).isoformat(), "deadline": day(-5).isoformat(),
         "description": "x", "version": requirement.version},
    )  # fmt: skip
    assert response.status_code == 200
    assert "deadline" in response.context["form"].errors


def test_staff_may_not_edit_fees_or_requirements(world, client_for):
    fee = _fee(world)
    client = client_for(world.sam)
    assert client.get(reverse("certification:fee_edit", args=[fee.pk])).status_code == 403
    detail = client.get(reverse("certification:fee_detail", args=[fee.pk]))
    assert reverse("certification:fee_edit", args=[fee.pk]) not in detail.content.decode()


def test_a_requirement_cannot_lose_its_deadline(world, client_for):
    requirement = _requirement(world, "OFICIO-502", deadline=day(5), description="x")
    response = client_for(world.carla).post(
        reverse("certification:requirement_edit", args=[requirement.pk]),
        {"kind": RequirementKind.REQUIREMENT, "reference": "OFICIO-502",
         "received_on": day(-2).isoformat(), "deadline": "", "description": "x",
         "version": requirement.version},
    )  # fmt: skip
    assert "A requirement has a deadline to answer." in response.content.decode()
    requirement.refresh_from_db()
    assert requirement.deadline == day(5)


# The same corrections through the API (PATCH), with the same rules -------------------------


def test_the_api_corrects_a_fee_and_refuses_a_stale_version(world, api_for):
    fee = _fee(world)
    url = f"/api/v1/certification-fees/{fee.pk}/"
    saved = api_for(world.carla).patch(
        url, {"amount": "38797.00", "version": fee.version}, format="json"
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["amount"] == "38797.00"
    assert saved.json()["due_on"] == fee.due_on.isoformat()  # what was not sent is kept
    stale = api_for(world.carla).patch(
        url, {"amount": "1.00", "version": fee.version}, format="json"
    )
    assert stale.status_code == 409
    fee.refresh_from_db()
    assert str(fee.amount) == "38797.00"


def test_the_api_names_the_field_of_a_bad_fee_correction(world, api_for):
    fee = _fee(world)
    outside = fee.due_on.replace(year=fee.year + 1).isoformat()
    refused = api_for(world.carla).patch(
        f"/api/v1/certification-fees/{fee.pk}/", {"due_on": outside}, format="json"
    )
    assert refused.status_code == 400
    assert "due_on" in refused.json()
    before = fee.due_on
    fee.refresh_from_db()
    assert fee.due_on == before


def test_the_api_moves_a_requirement_deadline_but_never_drops_it(world, api_for):
    requirement = _requirement(world, "OFICIO-600")
    url = f"/api/v1/certification-requirements/{requirement.pk}/"
    moved = api_for(world.carla).patch(url, {"deadline": day(15).isoformat()}, format="json")
    assert moved.status_code == 200, moved.content
    assert moved.json()["deadline"] == day(15).isoformat()
    assert moved.json()["reference"] == "OFICIO-600"
    dropped = api_for(world.carla).patch(url, {"deadline": None}, format="json")
    assert dropped.status_code == 400
    assert "deadline" in dropped.json()
    requirement.refresh_from_db()
    assert requirement.deadline == day(15)


def test_api_corrections_are_for_managers_of_the_organization_only(world, api_for):
    fee = _fee(world)
    requirement = _requirement(
        world, "OFICIO-601", kind=RequirementKind.VISIT, received_on=day(-1), description="x"
    )
    for user, expected in ((world.sam, 403), (world.audrey, 403), (world.oscar, 404)):
        api = api_for(user)
        fee_answer = api.patch(
            f"/api/v1/certification-fees/{fee.pk}/", {"amount": "1.00"}, format="json"
        )
        requirement_answer = api.patch(
            f"/api/v1/certification-requirements/{requirement.pk}/",
            {"description": "cambiado"},
            format="json",
        )
        assert (fee_answer.status_code, requirement_answer.status_code) == (expected, expected), (
            user
        )
    assert (
        api_for(world.carla)
        .put(f"/api/v1/certification-fees/{fee.pk}/", {"amount": "1.00"}, format="json")
        .status_code
        == 405
    )
    fee.refresh_from_db()
    requirement.refresh_from_db()
    assert fee.amount != 1 and requirement.description == "x"
