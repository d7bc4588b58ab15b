"""Event types: frozen dataclasses, each with an explicit stable name, and their JSON form.

    @dataclass(frozen=True)
    class SealDiscrepancyRecorded(DomainEvent, name="conveyance.seal_discrepancy_recorded"):
        discrepancy_id: int
        occurred_at: datetime.datetime

The name is what the outbox stores, so renaming or moving the class never orphans stored
events; renaming the *name* does, so never change it once released. A class without a name is
abstract: it can be subscribed to (its named subclasses are delivered to its handlers) but not
published. Stored events are turned back into objects only through this explicit registry,
never by importing a dotted path found in the database.

Fields may be str, int, float, bool, datetime, date, Decimal, UUID, `X | None` of those and
`list[X]` / `tuple[X, ...]` of those; anything else is refused by name when the event is
published (and by the `core.E020` system check at start-up).
"""

import dataclasses
import datetime
import types
import typing
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

_PLAIN = (str, int, float, bool)
_PARSED: dict[type, Callable[[Any], Any]] = {
    datetime.datetime: datetime.datetime.fromisoformat,
    datetime.date: datetime.date.fromisoformat,
    Decimal: Decimal,
    uuid.UUID: uuid.UUID,
}
_ENVELOPE_FIELDS = ("organization_id", "event_id")  # stored in their own outbox columns


class EventTypeError(TypeError):
    """An event type that cannot be stored: unnamed, duplicated name or unsupported field."""


@dataclasses.dataclass(frozen=True)
class DomainEvent:
    """Base of every domain event. `event_id` is assigned by `publish` (and kept when the
    event is read back from the outbox), so a handler can key its own side effects by it."""

    organization_id: int
    event_id: uuid.UUID | None = dataclasses.field(
        default=None, init=False, compare=False, repr=False
    )

    event_name: ClassVar[str | None] = None

    def __init_subclass__(cls, *, name: str | None = None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.event_name = name
        if name is not None:
            _register(name, cls)


_EVENT_TYPES: dict[str, type[DomainEvent]] = {}


def _register(name: str, cls: type[DomainEvent]) -> None:
    known = _EVENT_TYPES.get(name)
    same_class = known is not None and (known.__module__, known.__qualname__) == (
        cls.__module__,
        cls.__qualname__,
    )
    if known is not None and not same_class:
        raise EventTypeError(
            f"event name {name!r} is already used by {known.__module__}.{known.__qualname__}"
        )
    _EVENT_TYPES[name] = cls


def event_type_named(name: str) -> type[DomainEvent]:
    try:
        return _EVENT_TYPES[name]
    except KeyError:
        raise EventTypeError(f"no event type is named {name!r}") from None


def event_types() -> dict[str, type[DomainEvent]]:
    return dict(_EVENT_TYPES)


def event_name_of(event: DomainEvent) -> str:
    name = type(event).event_name
    if name is None or _EVENT_TYPES.get(name) is not type(event):
        raise EventTypeError(
            f"{type(event).__qualname__} has no event name: declare it as "
            f'`class {type(event).__name__}(DomainEvent, name="app.something_happened")`'
        )
    return name


# --- JSON form ------------------------------------------------------------------------------


def _codec(annotation, where: str) -> tuple[Callable, Callable]:
    """(encode, decode) for one field annotation; EventTypeError for what JSON cannot carry."""
    if annotation in _PLAIN:
        return (lambda value: value), (lambda value: value)
    if annotation in _PARSED:
        parse = _PARSED[annotation]
        encode = (lambda value: value.isoformat()) if hasattr(annotation, "isoformat") else str
        return encode, parse
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
        inner_encode, inner_decode = _codec(next(a for a in args if a is not type(None)), where)
        return (
            lambda value: None if value is None else inner_encode(value),
            lambda value: None if value is None else inner_decode(value),
        )
    if origin in (list, tuple) and args and (origin is list or args[1:] == (Ellipsis,)):
        item_encode, item_decode = _codec(args[0], where)
        return (
            lambda value: [item_encode(item) for item in value],
            lambda value: origin(item_decode(item) for item in value),
        )
    raise EventTypeError(f"{where}: a field of type {annotation!r} cannot be stored as JSON")


_CODECS: dict[type, dict[str, tuple[Callable, Callable]]] = {}


def _codecs_of(cls: type[DomainEvent]) -> dict[str, tuple[Callable, Callable]]:
    if cls not in _CODECS:
        hints = typing.get_type_hints(cls)
        _CODECS[cls] = {
            field.name: _codec(hints[field.name], f"{cls.__qualname__}.{field.name}")
            for field in dataclasses.fields(cls)
            if field.name not in _ENVELOPE_FIELDS
        }
    return _CODECS[cls]


def check_event_type(cls: type[DomainEvent]) -> None:
    """Raise EventTypeError when `cls` could not be stored (for the start-up system check)."""
    _codecs_of(cls)


def event_to_payload(event: DomainEvent) -> dict:
    return {
        name: encode(getattr(event, name)) for name, (encode, _) in _codecs_of(type(event)).items()
    }


def event_from_payload(
    name: str, *, organization_id: int, event_id: uuid.UUID, payload: dict
) -> DomainEvent:
    cls = event_type_named(name)
    codecs = _codecs_of(cls)
    missing = set(codecs) - set(payload)
    if missing:
        raise EventTypeError(f"stored {name} event lacks {', '.join(sorted(missing))}")
    values = {key: decode(payload[key]) for key, (_, decode) in codecs.items()}
    event = cls(organization_id=organization_id, **values)
    stamp_event_id(event, event_id)
    return event


def stamp_event_id(event: DomainEvent, event_id: uuid.UUID) -> None:
    # The one place that writes the frozen dataclass: the id is known only once it is stored.
    object.__setattr__(event, "event_id", event_id)
