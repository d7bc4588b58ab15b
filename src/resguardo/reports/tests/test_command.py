import json

import pytest
from django.core.management import CommandError, call_command


def test_the_command_writes_each_report_as_the_named_member(world, demo, tmp_path):
    assessment, _evidence = demo
    target = tmp_path / "informe.pdf"
    call_command(
        "report",
        "pdf",
        "--assessment",
        str(assessment.pk),
        "--user",
        world.audrey.email,
        "--lang",
        "en",
        "--output",
        str(target),
    )
    assert target.read_bytes().startswith(b"%PDF-")
    oscal = tmp_path / "ar.json"
    call_command(
        "report",
        "oscal",
        "--assessment",
        str(assessment.pk),
        "--user",
        world.carla.email,
        "--output",
        str(oscal),
    )
    assert "assessment-results" in json.loads(oscal.read_text(encoding="utf-8"))


def test_the_command_refuses_another_organizations_member(world, demo, tmp_path):
    assessment, _evidence = demo
    with pytest.raises(CommandError, match="No assessment"):
        call_command(
            "report",
            "xlsx",
            "--assessment",
            str(assessment.pk),
            "--user",
            world.oscar.email,
            "--output",
            str(tmp_path / "x.xlsx"),
        )
