"""Bad input is refused naming the field, and nothing is written."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from .. import services
from ..choices import AvisoKind, AvisoStatus
from ..models import AnnualFee, Aviso, Certification, CertificationDocument
from .factories import actor_for, day, granted, pdf


def test_expiry_before_grant_is_refused_naming_the_field(world, client_for):
    response = client_for(world.carla).post(
        reverse("certification:certification_create"),
        {
            "program": "neec_oea",
            "modality": "customs_agent",
            "granted_on": day(-10).isoformat(),
            "expires_on": day(-20).isoformat(),
            "status": "granted",
        },
    )
    assert response.status_code == 200
    assert "expires_on" in response.context["form"].errors
    assert "The expiry date must come after the grant date." in response.content.decode()
    assert not Certification.objects.exists()


def test_fee_due_date_outside_its_year_is_refused(world):
    certification = granted(world)
    year = day(0).year
    with pytest.raises(ValidationError) as error:
        services.fee_record(
            actor=actor_for(world, world.carla),
            certification=certification,
            year=year,
            due_on=day(0).replace(year=year + 1, month=1, day=15),
        )
    assert "due_on" in error.value.message_dict
    assert not AnnualFee.objects.exists()


def test_fee_form_names_the_due_date(world, client_for):
    certification = granted(world)
    year = day(0).year
    response = client_for(world.carla).post(
        reverse("certification:fee_create"),
        {"certification": certification.pk, "year": year, "due_on": f"{year - 1}-06-01"},
    )
    assert "due_on" in response.context["form"].errors


def test_filed_date_in_the_future_is_refused(world, client_for):
    aviso = services.aviso_create(
        actor=actor_for(world, world.carla), kind=AvisoKind.CHANGE, description="Nuevo mandatario"
    )
    response = client_for(world.carla).post(
        reverse("certification:aviso_file", args=[aviso.pk]),
        {"filed_on": day(3).isoformat(), "folio": "33303-1", "version": aviso.version},
    )
    assert "filed_on" in response.context["form"].errors
    assert "The filed date cannot be in the future." in response.content.decode()
    aviso.refresh_from_db()
    assert aviso.status == AvisoStatus.DRAFT and aviso.folio == ""


def test_acuse_on_a_draft_is_refused_and_no_file_kept(world, api_for):
    aviso = services.aviso_create(
        actor=actor_for(world, world.carla), kind=AvisoKind.CHANGE, description="Nuevo mandatario"
    )
    response = api_for(world.carla).post(
        f"/api/v1/certification-avisos/{aviso.pk}/acuse/",
        {"acknowledged_on": day(0).isoformat(), "upload": pdf()},
        format="multipart",
    )
    assert response.status_code == 400
    assert "upload" in response.json()
    # the API answers in the organization's default language (Spanish) without a preference
    assert "sigue en borrador" in str(response.json()["upload"])
    assert not CertificationDocument.objects.exists()
    assert Aviso.objects.get().status == AvisoStatus.DRAFT


def test_api_expiry_before_grant_names_the_field(world, api_for):
    response = api_for(world.carla).post(
        "/api/v1/certifications/",
        {"granted_on": day(-5).isoformat(), "expires_on": day(-6).isoformat(), "status": "granted"},
        format="json",
    )
    assert response.status_code == 400
    assert "expires_on" in response.json()
