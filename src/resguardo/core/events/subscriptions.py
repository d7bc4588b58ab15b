"""Who handles which event type: handlers registered under a stable name.

The name (by default `module.qualname` of the handler) is what a delivery row records, so the
worker process finds the same handler the publishing process meant. Subscribing another
callable under a name already used for the same event type replaces the first one (a module
re-imported in a test or a reloaded process); pass `name=` to keep two that would collide
(e.g. two lambdas of one module).
"""

from collections.abc import Callable

from .types import DomainEvent

Handler = Callable[[DomainEvent], None]

_SUBSCRIBERS: dict[type[DomainEvent], dict[str, Handler]] = {}


def handler_name(handler: Handler) -> str:
    module = getattr(handler, "__module__", None)
    if module is None:  # a builtin bound method such as `list.append`
        module = type(getattr(handler, "__self__", None)).__module__
    qualname = getattr(handler, "__qualname__", None) or type(handler).__qualname__
    return f"{module}.{qualname}"


def subscribe(event_type: type[DomainEvent], handler: Handler, *, name: str | None = None) -> None:
    if not (isinstance(event_type, type) and issubclass(event_type, DomainEvent)):
        raise TypeError(f"{event_type!r} is not a DomainEvent subclass")
    name = name or handler_name(handler)
    if len(name) > 200:
        raise ValueError(f"handler name longer than 200 characters: {name}")
    _SUBSCRIBERS.setdefault(event_type, {})[name] = handler


def unsubscribe(event_type: type[DomainEvent], handler: Handler | str) -> None:
    name = handler if isinstance(handler, str) else handler_name(handler)
    _SUBSCRIBERS.get(event_type, {}).pop(name, None)


def handlers_for(event_type: type[DomainEvent]) -> dict[str, Handler]:
    """Every handler of this type or of a base it derives from, by name."""
    found: dict[str, Handler] = {}
    for subscribed_type, handlers in _SUBSCRIBERS.items():
        if issubclass(event_type, subscribed_type):
            for name, handler in handlers.items():
                found.setdefault(name, handler)
    return found
