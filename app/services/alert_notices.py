"""Alerts told where the supervisor is: one outbox message per alert and route, and a follow-up
when the condition clears, written in the unit of work that raised or cleared the alert.

The outbox channel of a route is `alert:<code>` (sync/alert_delivery.py drains it); the
idempotency key names the route, the event and the alert's condition, so a notice is queued
once. During a route's quiet hours the message waits in the outbox until they end.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.alert_routes import CHANNEL_PREFIX, AlertRoute, route_channel
from app.domain.alerts import Alert, AlertKind
from app.domain.errors import NotFound
from app.domain.messages import Msg
from app.domain.outbox import OutboxKind, OutboxMessage

RAISED, CLEARED, TEST = "raised", "cleared", "test"


class AlertRouteRepository(Protocol):
    def add(self, route: AlertRoute) -> None: ...
    def get(self, code: str) -> AlertRoute | None: ...
    def all(self) -> list[AlertRoute]: ...
    def remove(self, route: AlertRoute) -> None: ...
    def notice_keys(self, keys: list[str]) -> set[str]: ...


class _Outbox(Protocol):
    def add(self, message: OutboxMessage) -> None: ...


class NoticeUnitOfWork(Protocol):
    alert_routes: AlertRouteRepository
    outbox: _Outbox
    def now(self) -> datetime: ...
    def __enter__(self) -> NoticeUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...


def notice_key(route: AlertRoute, event: str, alert_key: str) -> str:
    """At most 64 characters (the outbox keeps 128), whatever the alert's key."""
    digest = hashlib.sha256(alert_key.encode()).hexdigest()[:24]
    return f"alert:{route.code}:{event}:{digest}"


def _payload(alert: Alert, event: str, at: datetime) -> dict:
    message = alert.message
    return {"event": event, "alert_key": alert.key, "alert_kind": str(alert.kind),
            "subject": alert.subject, "message": str(message),
            "template": getattr(message, "template", ""),
            "values": {k: str(v) for k, v in getattr(message, "values", {}).items()},
            "at": at.isoformat()}


def _message(route: AlertRoute, event: str, alert: Alert, now: datetime) -> OutboxMessage:
    return OutboxMessage(route.channel, OutboxKind.ALERT, notice_key(route, event, alert.key),
                         _payload(alert, event, now), now, subject=alert.subject[:128],
                         next_attempt_at=route.quiet_until(now))


def _about_a_route(alert: Alert) -> bool:
    """A notice that failed for good is shown in the panel, not sent on to the routes: a
    broken route told of its own failure (or two broken routes of each other's) would
    queue failures without end."""
    return alert.kind == AlertKind.SYNC_FAILURE and alert.subject.startswith(CHANNEL_PREFIX)


def queue_alert_notices(uow: NoticeUnitOfWork, raised: Iterable[Alert],
                        cleared: Iterable[Alert]) -> int:
    """Queue what the routes must hear, inside the caller's unit of work (it commits).
    A clearing is told only to the routes that were told of the alert."""
    raised = [a for a in raised if not _about_a_route(a)]
    cleared = [a for a in cleared if not _about_a_route(a)]
    if not raised and not cleared:
        return 0
    routes = [r for r in uow.alert_routes.all() if r.enabled]
    now, queued = uow.now(), 0
    for alert in raised:
        for route in (r for r in routes if r.wants(alert.kind)):
            uow.outbox.add(_message(route, RAISED, alert, now))
            queued += 1
    told = uow.alert_routes.notice_keys(
        [notice_key(r, RAISED, a.key) for a in cleared for r in routes]) if cleared else set()
    for alert in cleared:
        for route in (r for r in routes if notice_key(r, RAISED, alert.key) in told):
            uow.outbox.add(_message(route, CLEARED, alert, now))
            queued += 1
    return queued


# --- setting routes up (`packdesk alerts route ...`) ----------------------------------------

@dataclass(frozen=True)
class RouteView:
    code: str
    kind: str
    target: str
    alert_kinds: tuple[str, ...]
    quiet: str  # "22:00-07:00 Asia/Shanghai", or ""
    language: str
    keyword: str
    settings: dict
    enabled: bool


def route_view(route: AlertRoute) -> RouteView:
    quiet = f"{route.quiet_start}-{route.quiet_end} {route.timezone}" if route.quiet_start else ""
    return RouteView(route.code, route.kind, route.target, tuple(route.alert_kinds), quiet,
                     route.language, route.keyword, dict(route.settings), route.enabled)


def add_route(uow: NoticeUnitOfWork, route: AlertRoute) -> RouteView:
    """A new route, or a route set up again under the same code (its settings replaced)."""
    route.check()
    with uow:
        known = uow.alert_routes.get(route.code)
        if known is None:
            uow.alert_routes.add(route)
            known = route
        else:
            for name in ("kind", "target", "alert_kinds", "quiet_start", "quiet_end",
                         "timezone", "language", "keyword", "settings", "enabled"):
                setattr(known, name, getattr(route, name))
        view = route_view(known)
        uow.commit()
        return view


def list_routes(uow: NoticeUnitOfWork) -> list[RouteView]:
    with uow:
        return [route_view(r) for r in uow.alert_routes.all()]


def get_route(uow: NoticeUnitOfWork, code: str) -> AlertRoute:
    """The route as the sender needs it (a detached plain object)."""
    with uow:
        route = uow.alert_routes.get(code)
        if route is None:
            raise NotFound(Msg("There is no alert route {code}.", code=code))
        return AlertRoute(route.code, route.kind, route.target, list(route.alert_kinds),
                          route.quiet_start, route.quiet_end, route.timezone, route.language,
                          route.keyword, dict(route.settings), route.enabled)


def remove_route(uow: NoticeUnitOfWork, code: str) -> None:
    with uow:
        route = uow.alert_routes.get(code)
        if route is None:
            raise NotFound(Msg("There is no alert route {code}.", code=code))
        uow.alert_routes.remove(route)
        uow.commit()


def queue_test_notice(uow: NoticeUnitOfWork, code: str, by: str) -> str:
    """A test message through the outbox to one route, quiet hours or not; its channel."""
    with uow:
        route = uow.alert_routes.get(code)
        if route is None:
            raise NotFound(Msg("There is no alert route {code}.", code=code))
        now = uow.now()
        text = Msg("Test message from Packdesk, sent by {by}.", by=by or "a supervisor")
        alert = Alert(f"test:{uuid.uuid4().hex}", "test", by or "packdesk", text, now)
        uow.outbox.add(OutboxMessage(route_channel(code), OutboxKind.ALERT,
                                     notice_key(route, TEST, alert.key),
                                     _payload(alert, TEST, now), now, subject="test"))
        uow.commit()
        return route_channel(code)
