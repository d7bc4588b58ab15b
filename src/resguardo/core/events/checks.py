from django.core import checks

from .types import EventTypeError, check_event_type, event_types


def check_event_types(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every named event type must be storable as JSON (found at start-up, not at publish)."""
    problems = []
    for name, cls in sorted(event_types().items()):
        try:
            check_event_type(cls)
        except EventTypeError as error:
            problems.append(checks.Error(str(error), obj=name, id="core.E020"))
    return problems
