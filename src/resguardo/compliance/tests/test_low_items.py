"""Small things a careful reviewer notices: one colour for expiring evidence, the evidence
form's kind-dependent fields, destructive buttons, plurals."""

import datetime
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from resguardo.compliance.forms import EvidenceForm
from resguardo.compliance.indicators import overdue_actions

from .english import english_pages  # noqa: F401 - pages in English
from .factories import ActionItemFactory, EvidenceFactory

STATIC = Path(__file__).resolve().parents[2] / "core" / "static" / "resguardo"


def test_expiring_evidence_has_the_same_colour_in_every_list(world, assessment, client_for):
    soon = EvidenceFactory(
        organization=world.org,
        title="Póliza",
        valid_until=timezone.localdate() + datetime.timedelta(days=10),
    )
    client = client_for(world.carla)
    pages = [
        client.get(reverse("compliance:evidence_list")).content.decode(),
        client.get(reverse("compliance:dashboard")).content.decode(),
        client.get(soon.get_absolute_url()).content.decode(),
    ]
    for page in pages:
        assert 'class="badge badge-warn" data-testid="validity"' in page


def test_the_evidence_form_ties_file_and_link_to_the_chosen_kind(world):
    form = EvidenceForm(membership=world.membership(world.carla))
    html = str(form["file"]) + str(form["url"])
    assert 'data-show-if="kind:file"' in html and 'data-show-if="kind:link"' in html
    assert "[data-show-if]" in (STATIC / "resguardo.js").read_text()


def test_destructive_buttons_are_not_filled_like_the_main_action():
    css = (STATIC / "resguardo.css").read_text()
    rule = css.split(".btn-danger {")[1].split("}")[0]
    assert "background: #fff" in rule and "color: var(--bad)" in rule


def test_counts_use_plurals(world):
    ActionItemFactory(
        organization=world.org, due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert overdue_actions(organization=world.org).detail == "1 action past its due date"
