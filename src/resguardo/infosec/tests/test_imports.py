"""Account lists from other systems: all or nothing, every bad row named."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .. import services
from ..choices import AccountStatus, ReviewStatus
from ..models import AccessReview, SystemAccount
from .helpers import actor_of, signed_in

pytestmark = pytest.mark.django_db

GOOD = """usuario,nombre,número de empleado,correo,perfil,mfa,estado
jibarra,Jorge Ibarra,E-002,carla@norte.example.mx,Supervisor,sí,activo
lhernandez,Luis Hernández,E-014,,Capturista,no,inactivo
"""
BAD = """usuario,nombre,correo,mfa,estado
jibarra,Jorge Ibarra,carla@norte.example.mx,sí,activo
,Sin cuenta,,no,activo
jibarra,Repetido,,no,activo
ok1,Persona,oscar@sur.example.mx,tal vez,suspendido
"""


def _system(world):
    return services.system_create(actor=actor_of(world, world.carla), name="SAAI", kind="erp")


def _run(world, system, text, dry_run):
    return services.accounts_import(
        actor=actor_of(world, world.carla), system=system, file_name="usuarios.csv",
        content=text.encode(), dry_run=dry_run,
    )  # fmt: skip


def test_a_file_with_bad_rows_reports_each_and_imports_nothing(world):
    system = _system(world)
    services.account_create(actor=actor_of(world, world.carla), system=system, account_name="old")
    report = _run(world, system, BAD, dry_run=False)
    assert not report.ok and not report.applied
    problems = {(e.row, e.column) for e in report.errors}
    assert problems == {
        (3, "account_name"),  # missing
        (4, "account_name"),  # repeated from row 2
        (5, "email"),  # oscar is not a member of Norte
        (5, "mfa_enabled"),
        (5, "status"),
    }
    assert "row 2" in next(e.message for e in report.errors if e.row == 4)
    # Nothing was written: not even the good row, and "old" was not marked gone.
    assert list(SystemAccount.objects.values_list("account_name", "status")) == [
        ("old", AccountStatus.ACTIVE)
    ]
    assert not AccessReview.objects.exists()


def test_a_clean_file_replaces_the_list_and_opens_a_review(world):
    system = _system(world)
    services.account_create(actor=actor_of(world, world.carla), system=system, account_name="old")
    dry = _run(world, system, GOOD, dry_run=True)
    assert dry.ok and not dry.applied and dry.details == {"new": 2, "updated": 0, "gone": 1}
    assert SystemAccount.objects.count() == 1
    report = _run(world, system, GOOD, dry_run=False)
    assert report.applied and report.written == 2
    accounts = {a.account_name: a for a in SystemAccount.objects.filter(system=system)}
    assert accounts["jibarra"].user == world.carla and accounts["jibarra"].mfa_enabled
    assert accounts["jibarra"].employee_number == "E-002"
    assert accounts["lhernandez"].status == AccountStatus.DISABLED
    assert accounts["old"].status == AccountStatus.REMOVED
    review = AccessReview.objects.get(system=system, status=ReviewStatus.OPEN)
    assert sorted(review.items.values_list("account__account_name", flat=True)) == [
        "jibarra",
        "lhernandez",
    ]


def test_the_import_page_checks_then_imports_the_staged_file(world):
    system = _system(world)
    carla = signed_in(world.carla)
    url = reverse("infosec:account_import", args=[system.pk])
    bad = carla.post(url, {"file": SimpleUploadedFile("u.csv", BAD.encode()), "start_review": ""})
    assert not bad.context["report"].ok
    assert "oscar@sur.example.mx" in bad.content.decode()  # the bad row is shown
    checked = carla.post(
        url, {"file": SimpleUploadedFile("u.csv", GOOD.encode()), "start_review": ""}
    )
    assert checked.context["report"].ok
    assert not SystemAccount.objects.exists()
    staged = checked.context["staged"]
    done = carla.post(url, {"confirm": "1", "staged": staged.pk, "sha256": staged.sha256})
    assert done.status_code == 302
    assert SystemAccount.objects.filter(system=system).count() == 2
    assert not AccessReview.objects.exists()  # the box was left unticked


def test_the_api_import_is_staged_and_all_or_nothing(world, api_for):
    system = _system(world)
    api = api_for(world.carla)
    url = reverse("api:system-import-accounts", args=[system.pk])
    bad = api.post(url, {"file": SimpleUploadedFile("u.csv", BAD.encode()), "dry_run": "false"})
    assert bad.status_code == 400
    assert {"row": 5, "column": "status"} in [
        {"row": e["row"], "column": e["column"]} for e in bad.json()["errors"]
    ]
    assert not SystemAccount.objects.exists()
    dry = api.post(url, {"file": SimpleUploadedFile("u.csv", GOOD.encode())})
    assert dry.status_code == 200 and dry.json()["new"] == 2
    done = api.post(url, {"staged_import": dry.json()["staged_import"], "dry_run": "false"})
    assert done.status_code == 200, done.json()
    assert done.json()["written"] == 2 and done.json()["review"] is not None


def test_resguardo_itself_takes_no_account_list(world):
    from django.core.exceptions import ValidationError

    builtin = services.builtin_system_ensure(actor=actor_of(world, world.carla))
    with pytest.raises(ValidationError, match="members"):
        _run(world, builtin, GOOD, dry_run=True)
