"""Alerts: what is stuck, late or broken, raised once per condition and acknowledged by name.

`detect` decides from plain facts (testable without a store); `refresh_alerts` reads the
facts, stores the new alerts and marks the ones whose condition went away as cleared.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from app.domain.alerts import PRINTER_DOWN_AFTER, Alert, AlertKind, AlertThresholds
from app.domain.errors import NotFound
from app.domain.messages import Msg
from app.services.alert_notices import queue_alert_notices

K = AlertKind


@dataclass(frozen=True)
class AlertFacts:
    """What the store says right now; each tuple as the alert repository returns it."""

    stuck: tuple[tuple, ...] = ()  # (number, channel, status, entered_at)
    late: tuple[tuple, ...] = ()  # (number, channel, status, ship_by)
    failed_outbox: tuple[tuple, ...] = ()  # (id, channel, kind, last_error)
    channel_results: tuple[tuple, ...] = ()  # (code, last_result, settings)
    stock_shortages: tuple[tuple, ...] = ()  # (number, channel, reasons)
    escalated_returns: tuple[tuple, ...] = ()  # (case, order number)
    waiting_labels: tuple[tuple, ...] = ()  # (id, station, printer, subject, created_at, reason)
    locked_logins: tuple[tuple, ...] = ()  # (name, failures, locked_until)


@dataclass(frozen=True)
class AlertView:
    id: int
    kind: str
    subject: str
    message: str
    raised_at: datetime
    acknowledged_by: str
    acknowledged_at: datetime | None
    cleared: bool


@dataclass(frozen=True)
class AlertRefresh:
    raised: tuple[AlertView, ...]  # new since the last refresh: worth a notification
    open: tuple[AlertView, ...]  # everything not yet acknowledged, newest first


class AlertRepository(Protocol):
    def add(self, alert: Alert) -> None: ...
    def get(self, alert_id: int) -> Alert | None: ...
    def by_keys(self, keys: list[str]) -> dict[str, Alert]: ...
    def unacknowledged(self, limit: int = 1000) -> list[Alert]: ...
    def uncleared(self) -> list[Alert]: ...
    def stuck_orders(self, entered_before: datetime, limit: int = 1000) -> list[tuple]: ...
    def late_orders(self, now: datetime, limit: int = 1000) -> list[tuple]: ...
    def failed_outbox(self, limit: int = 500) -> list[tuple]: ...
    def channel_results(self) -> list[tuple]: ...
    def stock_shortages(self, limit: int = 500) -> list[tuple]: ...
    def escalated_returns(self) -> list[tuple]: ...
    def waiting_labels(self, created_before: datetime, limit: int = 500) -> list[tuple]: ...
    def locked_logins(self, now: datetime) -> list[tuple]: ...


class AlertUnitOfWork(Protocol):
    alerts: AlertRepository
    def now(self) -> datetime: ...
    def __enter__(self) -> AlertUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...


def _hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:.1f} h"


def _status(status: str) -> str:
    return str(status).replace("_", " ")


def _stuck(facts: AlertFacts, now: datetime, limits: AlertThresholds) -> list[Alert]:
    found = []
    for number, channel, status, entered in facts.stuck:
        limit = limits.stuck_after_for(channel)
        if entered is not None and now - entered >= limit:
            found.append(Alert(
                f"stuck:{number}:{status}:{entered.isoformat()}", K.STUCK, number,
                Msg("{number} ({channel}) has been {status} for {held}, past the {limit} "
                    "limit.", number=number, channel=channel, status=_status(status),
                    held=_hours(now - entered), limit=_hours(limit)), now))
    return found


def _late(facts: AlertFacts, now: datetime) -> list[Alert]:
    return [Alert(f"late:{number}", K.LATE, number,
                  Msg("{number} ({channel}) was promised to ship by {ship_by} UTC and is "
                      "still {status}.", number=number, channel=channel,
                      ship_by=f"{ship_by:%Y-%m-%d %H:%M}", status=_status(status)), now)
            for number, channel, status, ship_by in facts.late if ship_by < now]


def _sync(facts: AlertFacts, now: datetime) -> list[Alert]:
    found = [Alert(f"sync:outbox:{message_id}", K.SYNC_FAILURE, channel,
                   Msg("A {kind} push to {channel} failed for good: {error}",
                       kind=kind.replace("_", " "), channel=channel,
                       error=error or "no reason given"), now)
             for message_id, channel, kind, error in facts.failed_outbox]
    for code, result, _settings in facts.channel_results:
        if (result or "").startswith("error"):
            found.append(Alert(f"sync:channel:{code}:{zlib.crc32(result.encode()):08x}",
                               K.SYNC_FAILURE, code,
                               Msg("Sync with {code} failed: {result}", code=code,
                                   result=result), now))
    return found


def _printers_down(facts: AlertFacts, now: datetime) -> list[Alert]:
    """One alert per printer that has kept shipping labels waiting; a new outage (a new
    oldest job) is a new condition."""
    by_printer: dict[tuple[str, str], list[tuple]] = {}
    for job in facts.waiting_labels:
        by_printer.setdefault((job[1], job[2]), []).append(job)
    found = []
    for (station, printer), jobs in by_printer.items():
        oldest = min(jobs, key=lambda job: job[0])
        orders = [job[3] for job in jobs if job[3]]
        shown = ", ".join(orders[:5]) + (f" +{len(orders) - 5}" if len(orders) > 5 else "")
        found.append(Alert(
            f"printer:{station}:{zlib.crc32(printer.encode()):08x}:{oldest[0]}"[:160],
            K.PRINTER_DOWN, printer[:64],
            Msg("Shipping labels for {orders} have waited {minutes} min for printer {printer} "
                "at {station}: {reason}", orders=shown or "?", printer=printer,
                station=station, minutes=str(int((now - oldest[4]).total_seconds() // 60)),
                reason=oldest[5] or "no reason given"), now))
    return found


def detect(facts: AlertFacts, now: datetime, limits: AlertThresholds) -> list[Alert]:
    """Every alert the facts call for, each with a key naming its condition."""
    found = _stuck(facts, now, limits) + _late(facts, now) + _sync(facts, now)
    found += _printers_down(facts, now)
    found += [Alert(f"login:{name}:{until.isoformat()}", K.LOGIN_LOCKED, name,
                    Msg("{name} is locked after {failures} wrong PINs in a row, until "
                        "{until} UTC. If it was not them, find out who tried.", name=name,
                        failures=failures, until=f"{until:%H:%M:%S}"), now)
              for name, failures, until in facts.locked_logins]
    found += [Alert(f"stock:{number}", K.STOCK_CONFLICT, number,
                    Msg("{number} ({channel}): {reasons}", number=number, channel=channel,
                        reasons="; ".join(reasons)), now)
              for number, channel, reasons in facts.stock_shortages if reasons]
    found += [Alert(f"return:{case}", K.RETURN_ESCALATED, case,
                    Msg("Return {case} for order {order} was escalated to a supervisor.",
                        case=case, order=order), now)
              for case, order in facts.escalated_returns]
    return found


def _hours_setting(value) -> float | None:
    """`channel add --set stuck_after_hours=2` keeps text; a number works the same."""
    try:
        hours = float(value)
    except (TypeError, ValueError):
        return None
    return hours if 0 < hours < 24 * 365 else None


def thresholds_with_channels(base: AlertThresholds, channel_results) -> AlertThresholds:
    """A channel's own limit lives in its settings as `stuck_after_hours`; a value that is
    not a positive number of hours is ignored (the default applies)."""
    per_channel = dict(base.per_channel)
    for code, _result, settings in channel_results:
        hours = _hours_setting((settings or {}).get("stuck_after_hours"))
        if hours is not None:
            per_channel[code] = timedelta(hours=hours)
    return AlertThresholds(base.stuck_after, per_channel)


def read_facts(uow: AlertUnitOfWork, now: datetime, limits: AlertThresholds) -> AlertFacts:
    channels = tuple(uow.alerts.channel_results())
    limits = thresholds_with_channels(limits, channels)
    return AlertFacts(
        tuple(uow.alerts.stuck_orders(now - limits.shortest)), tuple(uow.alerts.late_orders(now)),
        tuple(uow.alerts.failed_outbox()), channels, tuple(uow.alerts.stock_shortages()),
        tuple(uow.alerts.escalated_returns()),
        tuple(uow.alerts.waiting_labels(now - PRINTER_DOWN_AFTER)),
        tuple(uow.alerts.locked_logins(now)))


def view(alert: Alert) -> AlertView:
    return AlertView(alert.id or 0, alert.kind, alert.subject, alert.message, alert.raised_at,
                     alert.acknowledged_by, alert.acknowledged_at, alert.cleared_at is not None)


def refresh_alerts(uow: AlertUnitOfWork,
                   limits: AlertThresholds | None = None) -> AlertRefresh:
    """Raise what is new, clear what went away, and list what still needs a person."""
    limits = limits or AlertThresholds()
    with uow:
        now = uow.now()
        facts = read_facts(uow, now, limits)
        current = detect(facts, now, thresholds_with_channels(limits, facts.channel_results))
        known = uow.alerts.by_keys([a.key for a in current])
        raised = [a for a in current if a.key not in known]
        for alert in raised:
            uow.alerts.add(alert)
        live = {a.key for a in current}
        cleared = [a for a in uow.alerts.uncleared() if a.key not in live]
        for alert in cleared:
            alert.cleared_at = now
        queue_alert_notices(uow, raised, cleared)  # the robots and mail hear of it (issue 18)
        uow.commit()
        return AlertRefresh(tuple(view(a) for a in raised),
                            tuple(view(a) for a in uow.alerts.unacknowledged()))


def open_alerts(uow: AlertUnitOfWork) -> tuple[AlertView, ...]:
    with uow:
        return tuple(view(a) for a in uow.alerts.unacknowledged())


def acknowledge_alert(uow: AlertUnitOfWork, alert_id: int, by: str) -> AlertView:
    """The supervisor saw it: their name and the time go on the alert."""
    with uow:
        alert = uow.alerts.get(alert_id)
        if alert is None:
            raise NotFound(f"There is no alert {alert_id}.")
        alert.acknowledge(by, uow.now())
        uow.commit()
        return view(alert)
