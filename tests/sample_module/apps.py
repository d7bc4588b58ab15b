"""A minimal module used by the tests to prove that a new module touches only INSTALLED_APPS:
it is listed in config/test_settings.py and nowhere else, and appears in the menu, the API
schema, the walks, the indicator catalog, the due-date calendar and the demo."""

from django.apps import AppConfig

from resguardo.core.modules import ApiRoute, Link, ResguardoModule, Urls

_HERE = "tests.sample_module"


class SampleModuleConfig(AppConfig):
    name = _HERE
    label = "sample_module"
    verbose_name = "Sample module"
    default_auto_field = "django.db.models.BigAutoField"
    resguardo = ResguardoModule(
        urls=(Urls("sample/", f"{_HERE}.urls"),),
        api_routes=(ApiRoute("sample-notes", f"{_HERE}.views.SampleNoteViewSet", "samplenote"),),
        links=(Link("Sample notes", "sample_module:note_list", standard=2),),
        indicators=f"{_HERE}.module.INDICATORS",
        demo_seeder=f"{_HERE}.module.seed",
        due_dates=(f"{_HERE}.module.due_dates",),
        held_items=(f"{_HERE}.module.held_items",),
        walk=f"{_HERE}.walk.WALK",
    )
