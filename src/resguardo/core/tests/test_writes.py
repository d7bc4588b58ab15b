"""Saving an edit validates what Django's full_clean validates, without asking the database
again whether the related rows the edit did not touch exist."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from resguardo.core.models import Aduana, Site
from resguardo.core.writes import update_audited


def _update(world, site, **changes):
    with transaction.atomic():
        return update_audited(
            actor=world.actor(world.alice), organization=world.org, instance=site, changes=changes
        )


def test_an_edit_does_not_look_up_the_relations_it_leaves_alone(world):
    site = world.office
    site.aduana = Aduana.objects.order_by("pk").first()
    with CaptureQueriesContext(connection) as captured:
        _update(world, site, address="Calle Nueva 1")
    lookups = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT 1")]
    assert not [sql for sql in lookups if "core_organization" in sql or "core_aduana" in sql]
    site.refresh_from_db()
    assert site.address == "Calle Nueva 1"


def test_a_changed_relation_is_still_checked(world):
    site = world.office
    with pytest.raises(ValidationError) as refused:
        _update(world, site, aduana_id=999_999)
    assert "aduana" in refused.value.message_dict


def test_every_error_is_reported_at_once_as_full_clean_does(world):
    site = world.office
    with pytest.raises(ValidationError) as refused:
        _update(world, site, name=world.yard.name, kind="no-such-kind")
    errors = refused.value.message_dict
    assert "kind" in errors  # not one of SiteKind
    assert "Site with this Organization and Name already exists." in errors["__all__"]
    assert Site.objects.get(pk=site.pk).name != world.yard.name
