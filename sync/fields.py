"""Small readers for channel payloads that fail with a reason instead of a KeyError."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.messages import Msg
from sync.model import MappingError, UnifiedOrder

CHINA_TIME = timezone(timedelta(hours=8), "Asia/Shanghai")


class Unmappable(Exception):
    """Raised inside a mapper; becomes a MappingError carrying this message as the reason."""


def need(payload: Any, *path: str | int) -> Any:
    """The value at `path`, or Unmappable naming the missing field."""
    value = payload
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            value = None
        if value is None:
            raise Unmappable(Msg("field {map} is missing", map='.'.join(map(str, path))))
    return value


def json_shaped(value: Any, shape: type, what: str) -> Any:
    """A dict or list the payload may also carry as JSON text (WordPress plugins store meta
    values that way): the decoded value, empty when missing, else Unmappable naming it."""
    if value is None or value == "":
        return shape()
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise Unmappable(Msg("{what} is text, not a JSON {shapes}",
                                 what=what, shapes=_SHAPES[shape])) from None
    if not isinstance(value, shape):
        raise Unmappable(Msg("{what} is a JSON {name}, not a JSON {shapes}",
                             what=what, name=type(value).__name__, shapes=_SHAPES[shape]))
    return value


_SHAPES = {dict: "object", list: "list"}


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def shown(value: Any, limit: int = 40) -> str:
    """A value as an error message quotes it: a 200 KB cell is not quoted whole."""
    quoted = repr(value)
    return quoted if len(quoted) <= limit else quoted[:limit] + "…"


def to_decimal(value: Any, what: str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise Unmappable(Msg("{what} {shown} is not a number", what=what, shown=shown(value))) from exc
    if not number.is_finite():
        raise Unmappable(Msg("{what} {shown} is not a finite number",
                             what=what, shown=shown(value)))
    return number


def to_quantity(value: Any, what: str, limit: int = 10**9) -> int:
    """A whole number up to `limit` (1e999999 is a valid Decimal with a million digits)."""
    if isinstance(value, bool):
        raise Unmappable(Msg("{what} {shown} is not a whole number", what=what, shown=shown(value)))
    number = to_decimal(value, what)
    if number.adjusted() >= len(str(limit)) or abs(number) > limit:
        raise Unmappable(Msg("{what} {shown} is more than {limit}",
                             what=what, shown=shown(value), limit=limit))
    if number != number.to_integral_value():
        raise Unmappable(Msg("{what} {shown} is not a whole number", what=what, shown=shown(value)))
    return int(number)


def to_time(value: Any, what: str, naive_zone: timezone = UTC) -> datetime:
    """ISO 8601 or 'YYYY-MM-DD HH:MM:SS'; naive times are read in `naive_zone`."""
    raw = text(value)
    if not raw:
        raise Unmappable(Msg("{what} is missing", what=what))
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        try:
            moment = datetime.strptime(raw, "%Y-%m-%d %H:%M:%S %z")
        except ValueError:
            raise Unmappable(Msg("{what} {raw!r} is not a date and time", what=what, raw=raw)) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=naive_zone)
    return moment


def optional_time(value: Any, what: str, naive_zone: timezone = UTC) -> datetime | None:
    return to_time(value, what, naive_zone) if text(value) else None


def map_safely(channel: str, channel_order_id: str, payload: dict[str, Any],
               mapper: Callable[[dict[str, Any]], UnifiedOrder]) -> UnifiedOrder | MappingError:
    """Run a mapper; a payload that does not map becomes a MappingError, never a traceback.
    A payload of a shape no mapper foresaw (a crash inside it) is one such order too: named
    by the kind of failure, never by the payload's content."""
    try:
        return mapper(payload)
    except Unmappable as exc:
        reason = str(exc)
    except (AttributeError, TypeError, ValueError, LookupError, ArithmeticError) as exc:
        reason = Msg("the {channel} payload has a shape Packdesk cannot read ({kind} in "
                     "{mapper})", channel=channel, kind=type(exc).__name__,
                     mapper=getattr(mapper, "__name__", "the mapper"))
    return MappingError(reason=reason, channel_order_id=channel_order_id, channel=channel,
                        raw=payload)
