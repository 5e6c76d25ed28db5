"""Alerts: what is stuck, late or broken, raised once per condition and acknowledged by name.

`detect` decides from plain facts (testable without a store); `refresh_alerts` reads the
facts, stores the new alerts and marks the ones whose condition went away as cleared.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.alerts import PRINTER_DOWN_AFTER, Alert, AlertKind, AlertMark, AlertThresholds
from app.domain.carriers import parse_cutoff
from app.domain.errors import InvalidInput, NotFound
from app.domain.messages import Msg, rebuilt
from app.domain.shipments import ShipmentState
from app.services.alert_notices import NoticeUnitOfWork, queue_alert_notices
from app.services.turns import turns_of

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
    # parcels (issue 17): (reference, order numbers, carrier, created_at, last_error, blocked)
    pending_labels: tuple[tuple, ...] = ()
    # (tracking number, order numbers, carrier, labelled_at, cut-off "HH:MM", zone) not
    # scanned out; the carrier profile's cut-off, "" for the thresholds' default
    unshipped_parcels: tuple[tuple, ...] = ()
    # (tracking number, order numbers, carrier, state, last movement or shipped_at, the
    # carrier's quiet hours, 0 for the default)
    moving_parcels: tuple[tuple, ...] = ()
    # (station, folder, free_bytes, total_bytes, keep_free_bytes, stopped, low_since)
    low_clip_disks: tuple[tuple, ...] = ()
    # (station, reason, stopped_at): the pack video encoder died and no new one films yet
    stopped_encoders: tuple[tuple, ...] = ()


@dataclass(frozen=True)
class Condition:
    """A condition the facts call for, before it is known to be new: a plain value, so a
    minute's refresh of hundreds of standing conditions builds no stored objects."""

    key: str
    kind: str
    subject: str
    message: str
    raised_at: datetime

    def alert(self) -> Alert:
        return Alert(self.key, self.kind, self.subject, self.message, self.raised_at)


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
    # what the open list was read at (AlertRepository.open_fingerprint): handed back as
    # `shown` on the next refresh, which then leaves `open` empty if nothing changed
    fingerprint: str = ""
    open_unchanged: bool = False  # `open` not read: the list `shown` still stands


class AlertRepository(Protocol):
    def add(self, alert: Alert) -> None: ...
    def get(self, alert_id: int) -> Alert | None: ...
    def known_keys(self, keys: list[str]) -> set[str]: ...
    def uncleared_keys(self) -> dict[str, int]: ...
    def get_many(self, alert_ids: list[int]) -> list[Alert]: ...
    def open_rows(self, limit: int = 1000) -> list[tuple]: ...
    def open_fingerprint(self) -> str: ...
    def stuck_orders(self, entered_before: datetime, limit: int = 1000) -> list[tuple]: ...
    def late_orders(self, now: datetime, limit: int = 1000) -> list[tuple]: ...
    def failed_outbox(self, limit: int = 500) -> list[tuple]: ...
    def channel_results(self) -> list[tuple]: ...
    def stock_shortages(self, limit: int = 500) -> list[tuple]: ...
    def escalated_returns(self) -> list[tuple]: ...
    def waiting_labels(self, created_before: datetime, limit: int = 500) -> list[tuple]: ...
    def locked_logins(self, now: datetime) -> list[tuple]: ...
    def pending_labels(self) -> list[tuple]: ...
    def unshipped_parcels(self, labelled_before: datetime) -> list[tuple]: ...
    def moving_parcels(self) -> list[tuple]: ...
    def low_clip_disks(self) -> list[tuple]: ...
    def stopped_encoders(self) -> list[tuple]: ...
    def mark(self) -> AlertMark | None: ...
    def save_mark(self, mark: AlertMark, existed: bool) -> None: ...
    def newest_orders(self) -> tuple[int, int]: ...
    def changed_orders(self, since: datetime, now: datetime, after_id: int, after_seq: int,
                       stuck_limits: list[timedelta]) -> set[int]: ...
    def order_facts(self, ids: list[int],
                    now: datetime) -> tuple[list, list, list, list]: ...
    def uncleared_of_orders(self, numbers: list[str]) -> dict[str, int]: ...
    def uncleared_of_kinds(self, kinds: list[str]) -> dict[str, int]: ...


class AlertUnitOfWork(NoticeUnitOfWork, Protocol):
    alerts: AlertRepository
    def now(self) -> datetime: ...
    def __enter__(self) -> AlertUnitOfWork: ...
    def __exit__(self, *exc_info) -> None: ...
    def commit(self) -> None: ...


def _hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:.1f} h"


def _status(status: str) -> str:
    return str(status).replace("_", " ")


def _stuck(facts: AlertFacts, now: datetime, limits: AlertThresholds,
           standing: frozenset[str] = frozenset()) -> list[Condition]:
    found = []
    for number, channel, status, entered in facts.stuck:
        limit = limits.stuck_after_for(channel)
        if entered is not None and now - entered >= limit:
            key = f"stuck:{number}:{status}:{entered.isoformat()}"
            found.append(Condition(key, K.STUCK, number, "" if key in standing else Msg(
                "{number} ({channel}) has been {status} for {held}, past the {limit} limit.",
                number=number, channel=channel, status=_status(status),
                held=_hours(now - entered), limit=_hours(limit)), now))
    return found


def _late(facts: AlertFacts, now: datetime,
          standing: frozenset[str] = frozenset()) -> list[Condition]:
    found = []
    for number, channel, status, ship_by in facts.late:
        key = f"late:{number}"
        if ship_by < now:
            found.append(Condition(key, K.LATE, number, "" if key in standing else Msg(
                "{number} ({channel}) was promised to ship by {ship_by} UTC and is still "
                "{status}.", number=number, channel=channel,
                ship_by=f"{ship_by:%Y-%m-%d %H:%M}", status=_status(status)), now))
    return found


def _sync(facts: AlertFacts, now: datetime) -> list[Condition]:
    found = [Condition(f"sync:outbox:{message_id}", K.SYNC_FAILURE, channel,
                   Msg("A {kind} push to {channel} failed for good: {error}",
                       kind=kind.replace("_", " "), channel=channel,
                       error=error or "no reason given"), now)
             for message_id, channel, kind, error in facts.failed_outbox]
    for code, result, _settings in facts.channel_results:
        if (result or "").startswith("error"):
            found.append(Condition(f"sync:channel:{code}:{zlib.crc32(result.encode()):08x}",
                               K.SYNC_FAILURE, code,
                               Msg("Sync with {code} failed: {result}", code=code,
                                   result=result), now))
    return found


def _printers_down(facts: AlertFacts, now: datetime) -> list[Condition]:
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
        found.append(Condition(
            f"printer:{station}:{zlib.crc32(printer.encode()):08x}:{oldest[0]}"[:160],
            K.PRINTER_DOWN, printer[:64],
            Msg("Shipping labels for {orders} have waited {minutes} min for printer {printer} "
                "at {station}: {reason}", orders=shown or "?", printer=printer,
                station=station, minutes=str(int((now - oldest[4]).total_seconds() // 60)),
                reason=oldest[5] or "no reason given"), now))
    return found


def _labels(facts: AlertFacts, now: datetime, limits: AlertThresholds) -> list[Condition]:
    """A parcel waiting for its carrier label past the threshold; one the carrier refused
    for good (an address, an empty balance) at once, in the carrier's words."""
    found = []
    for reference, numbers, carrier, created, error, blocked in facts.pending_labels:
        orders = ", ".join(numbers)
        if blocked:
            found.append(Condition(f"label:refused:{reference}", K.LABEL_REFUSED, orders[:64],
                               Msg("The carrier refused the label for {orders}: {reason}. "
                                   "Correct it (address, balance), then ask again with "
                                   "`packdesk labels retry {reference}`.", orders=orders,
                                   reason=blocked, reference=reference), now))
        elif now - created >= limits.label_pending_after:
            found.append(Condition(f"label:pending:{reference}", K.LABEL_PENDING, orders[:64],
                               Msg("The label for {orders} has been pending at {carrier} for "
                                   "{minutes} min: {reason}. Packing goes on; it prints when "
                                   "the carrier answers.", orders=orders, carrier=carrier,
                                   minutes=str(int((now - created).total_seconds() // 60)),
                                   reason=error or "not asked yet"), now))
    return found


def _cutoff(now: datetime, cutoff: str, zone: str, limits: AlertThresholds) -> datetime:
    """Today's hand-over cut-off (in the carrier's zone) as a moment."""
    try:
        tz = ZoneInfo(zone) if zone else UTC
    except (ZoneInfoNotFoundError, ValueError):
        tz = UTC
    local = now.astimezone(tz)
    try:
        minutes = parse_cutoff(cutoff)
    except InvalidInput:
        minutes = None
    offset = (timedelta(minutes=minutes) if minutes is not None else limits.handover_cutoff)
    return local.replace(hour=0, minute=0, second=0, microsecond=0) + offset


def _not_handed_over(facts: AlertFacts, now: datetime, limits: AlertThresholds) -> list[Condition]:
    found = []
    for tracking, numbers, carrier, labelled, cutoff, zone in facts.unshipped_parcels:
        due = _cutoff(now, cutoff, zone, limits)
        if now >= due and labelled < due:
            found.append(Condition(f"handover:{tracking}:{due:%Y-%m-%d}", K.NOT_HANDED_OVER,
                               tracking, Msg("Parcel {tracking} ({orders}) for {carrier} "
                                             "was packed but not scanned out by the "
                                             "{cutoff} cut-off. Find it and scan it out "
                                             "(packdesk handover).", tracking=tracking,
                                             orders=", ".join(numbers), carrier=carrier,
                                             cutoff=f"{due:%H:%M}"), now))
    return found


def _parcels(facts: AlertFacts, now: datetime, limits: AlertThresholds) -> list[Condition]:
    found = _not_handed_over(facts, now, limits)
    for tracking, numbers, carrier, state, moved, quiet_hours in facts.moving_parcels:
        orders = ", ".join(numbers)
        quiet = timedelta(hours=quiet_hours) if quiet_hours else limits.quiet_after
        if state == ShipmentState.RETURNED_TO_SENDER:
            found.append(Condition(f"returned:{tracking}", K.RETURNED_TO_SENDER, tracking,
                               Msg("Parcel {tracking} ({orders}) is being returned to us by "
                                   "{carrier}. Contact the buyer before it arrives.",
                                   tracking=tracking, orders=orders, carrier=carrier), now))
        elif moved is not None and now - moved >= quiet:
            found.append(Condition(f"quiet:{tracking}:{moved.isoformat()}", K.PARCEL_QUIET,
                               tracking, Msg("Parcel {tracking} ({orders}) has not moved at "
                                             "{carrier} for {held}. Ask the carrier where "
                                             "it is.", tracking=tracking, orders=orders,
                                             carrier=carrier, held=_hours(now - moved)), now))
    return found


def _gb(size: int) -> str:
    return f"{size / 1024**3:.1f} GB" if size >= 1024**3 else f"{size / 1024**2:.1f} MB"


def _clip_disks(facts: AlertFacts, now: datetime) -> list[Condition]:
    """A station that stopped filming for want of disk: one alert per episode."""
    return [Condition(f"clips_disk:{station}:{since.isoformat()}"[:160], K.CLIPS_DISK, station,
                  Msg("Pack videos stopped at station {station}: {free} free of {total} at "
                      "{folder}, and filming keeps {keep} free. Packing goes on; delete old "
                      "clips (packdesk clips prune) or free space, and filming starts again "
                      "with the next order.", station=station, free=_gb(free),
                      total=_gb(total), folder=folder, keep=_gb(keep)), now)
            for station, folder, free, total, keep, _stopped, since in facts.low_clip_disks]


def _clip_encoders(facts: AlertFacts, now: datetime) -> list[Condition]:
    return clip_encoder_conditions(facts.stopped_encoders, now)


def clip_encoder_conditions(stopped_encoders, now: datetime) -> list[Condition]:
    """A station whose pack video encoder died: one alert per death, cleared when a new
    encoder films there. (Also raised at once when the station reports the death:
    app/services/clips.py, since the next order's encoder may be up before a refresh.)"""
    return [Condition(f"clip_encoder:{station}:{since.isoformat()}"[:160], K.CLIP_ENCODER,
                      station, Msg("The pack video encoder stopped at station {station} "
                                   "({reason}); the clip being filmed may be lost. Packing "
                                   "goes on; filming starts again with the next order.",
                                   station=station, reason=reason), now)
            for station, reason, since in stopped_encoders]


def detect(facts: AlertFacts, now: datetime, limits: AlertThresholds,
           standing: frozenset[str] = frozenset()) -> list[Condition]:
    """Every alert the facts call for, each with a key naming its condition. A condition
    whose key is `standing` (raised and not cleared) only names its key: its message was
    written when it was raised, and hundreds stand every minute."""
    found = _stuck(facts, now, limits, standing) + _late(facts, now, standing)
    found += _sync(facts, now)
    found += _labels(facts, now, limits) + _parcels(facts, now, limits)
    found += _printers_down(facts, now) + _clip_disks(facts, now)
    found += _clip_encoders(facts, now)
    found += [Condition(f"login:{name}:{until.isoformat()}", K.LOGIN_LOCKED, name,
                    Msg("{name} is locked after {failures} wrong PINs in a row, until "
                        "{until} UTC. If it was not them, find out who tried.", name=name,
                        failures=failures, until=f"{until:%H:%M:%S}"), now)
              for name, failures, until in facts.locked_logins]
    found += [Condition(f"stock:{number}", K.STOCK_CONFLICT, number,
                    Msg("{number} ({channel}): {reasons}", number=number, channel=channel,
                        reasons="; ".join(reasons)), now)
              for number, channel, reasons in facts.stock_shortages if reasons]
    found += [Condition(f"return:{case}", K.RETURN_ESCALATED, case,
                        "" if f"return:{case}" in standing else
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
    return replace(base, per_channel=per_channel)


def read_facts(uow: AlertUnitOfWork, now: datetime, limits: AlertThresholds) -> AlertFacts:
    channels = tuple(uow.alerts.channel_results())
    limits = thresholds_with_channels(limits, channels)
    return replace(_facts_but_orders(uow, now, channels),
                   stuck=tuple(uow.alerts.stuck_orders(now - limits.shortest)),
                   late=tuple(uow.alerts.late_orders(now)),
                   stock_shortages=tuple(uow.alerts.stock_shortages()))


def _facts_but_orders(uow: AlertUnitOfWork, now: datetime,
                      channels: tuple[tuple, ...]) -> AlertFacts:
    """The facts that are not an order's: a few rows each, read in full every time."""
    return AlertFacts(
        failed_outbox=tuple(uow.alerts.failed_outbox()), channel_results=channels,
        escalated_returns=tuple(uow.alerts.escalated_returns()),
        waiting_labels=tuple(uow.alerts.waiting_labels(now - PRINTER_DOWN_AFTER)),
        locked_logins=tuple(uow.alerts.locked_logins(now)),
        pending_labels=tuple(uow.alerts.pending_labels()),
        unshipped_parcels=tuple(uow.alerts.unshipped_parcels(now)),
        moving_parcels=tuple(uow.alerts.moving_parcels()),
        low_clip_disks=tuple(uow.alerts.low_clip_disks()),
        stopped_encoders=tuple(uow.alerts.stopped_encoders()))


# the alerts an order's own facts raise; a steady refresh reads only the changed orders'
ORDER_KINDS = (K.STUCK, K.LATE, K.STOCK_CONFLICT)
OTHER_KINDS = tuple(kind for kind in K if kind not in ORDER_KINDS)
# a promise or a wait that passed while the last refresh ran is read again
CHANGES_OVERLAP = timedelta(minutes=10)
FULL_EVERY = timedelta(hours=1)  # a full read now and then, whatever the marks say
MARK_VERSION = "1"  # bump when what an order's alerts depend on changes


def _signature(limits: AlertThresholds) -> str:
    """The limits a refresh judged by: new limits (a channel's own) call for a full read."""
    spans = sorted((code, span.total_seconds()) for code, span in limits.per_channel.items())
    text = f"{MARK_VERSION}|{limits.stuck_after.total_seconds()}|{spans}"
    return f"{zlib.crc32(text.encode()):08x}"


def _steady(mark: AlertMark | None, now: datetime, signature: str) -> bool:
    return (mark is not None and mark.signature == signature and mark.refreshed_at <= now
            and now - mark.full_at < FULL_EVERY)


def _changed_orders_facts(uow: AlertUnitOfWork, mark: AlertMark, now: datetime,
                          limits: AlertThresholds) -> tuple[list, tuple, tuple, tuple]:
    """The numbers of the orders that changed since the mark, and their stuck, late and
    stock facts."""
    since = mark.refreshed_at - CHANGES_OVERLAP
    spans = sorted({limits.stuck_after, *limits.per_channel.values()})
    ids = uow.alerts.changed_orders(since, now, mark.order_id_before, mark.change_seq_before,
                                    spans)
    numbers, stuck, late, stock = uow.alerts.order_facts(sorted(ids), now)
    return numbers, tuple(stuck), tuple(late), tuple(stock)


def refresh_alerts(uow: AlertUnitOfWork, limits: AlertThresholds | None = None,
                   shown: str | None = None, read_open: bool = True) -> AlertRefresh:
    """Raise what is new, clear what went away, and list what still needs a person.

    Incremental (issue 20): a steady refresh reads the facts of only the orders that
    changed since the last one (alert_marks), and compares only their alerts; the few
    facts that are not an order's are read in full. The first refresh, one after the
    limits changed, and one an hour reads every fact (bounded by index ranges) as before.
    Only the alerts that are raised or cleared become stored objects.

    The open list is read only for a caller that shows it (`read_open`: the sync worker
    raising alerts for the robots does not) and only when it changed since the caller's
    last one (`shown`, that refresh's fingerprint): a steady minute on a store with a
    thousand open alerts reads three index ends, not a thousand rows."""
    limits = limits or AlertThresholds()
    with uow:
        now = uow.now()
        newest, seq = uow.alerts.newest_orders()
        mark = uow.alerts.mark()
        channels = tuple(uow.alerts.channel_results())
        judged = thresholds_with_channels(limits, channels)
        signature = _signature(judged)
        if mark is not None and _steady(mark, now, signature):
            changed, stuck, late, stock = _changed_orders_facts(uow, mark, now, judged)
            facts = replace(_facts_but_orders(uow, now, channels), stuck=stuck, late=late,
                            stock_shortages=stock)
            uncleared = uow.alerts.uncleared_of_kinds(list(OTHER_KINDS))
            uncleared.update(uow.alerts.uncleared_of_orders(sorted(changed)))
            full_at = mark.full_at
        else:
            facts = read_facts(uow, now, limits)
            uncleared = uow.alerts.uncleared_keys()
            full_at = now
        # the writes, in one short step that a person's scan goes before (issue 20)
        with turns_of(uow).background_step():
            raised, cleared = _settle(uow, facts, now, judged, uncleared)
            before = (mark.order_id, mark.change_seq) if mark is not None else (newest, seq)
            uow.alerts.save_mark(AlertMark(now, full_at, newest, before[0], seq, before[1],
                                           signature), existed=mark is not None)
            queue_alert_notices(uow, raised, cleared)  # the robots and mail hear of it
            uow.commit()
        news = tuple(view(a) for a in raised)
        if not read_open:
            return AlertRefresh(news, (), open_unchanged=True)
        fingerprint = uow.alerts.open_fingerprint()
        if shown is not None and shown == fingerprint:
            return AlertRefresh(news, (), fingerprint, open_unchanged=True)
        return AlertRefresh(news, _open_views(uow), fingerprint)


def _settle(uow: AlertUnitOfWork, facts: AlertFacts, now: datetime, limits: AlertThresholds,
            uncleared: dict[str, int]) -> tuple[list[Alert], list[Alert]]:
    """Store the alerts the facts call for that were never raised, and mark as cleared the
    `uncleared` ones they no longer call for: (raised, cleared)."""
    current = detect(facts, now, limits, frozenset(uncleared))
    live = {c.key for c in current}
    # a key raised before stays known, cleared or not: it is not raised twice
    known = set(uncleared) | uow.alerts.known_keys(sorted(live - set(uncleared)))
    raised = [c.alert() for c in current if c.key not in known]
    for alert in raised:
        uow.alerts.add(alert)
    cleared = uow.alerts.get_many(sorted(i for k, i in uncleared.items() if k not in live))
    for alert in cleared:
        alert.cleared_at = now
    return raised, cleared


def view(alert: Alert) -> AlertView:
    return AlertView(alert.id or 0, alert.kind, alert.subject, alert.text, alert.raised_at,
                     alert.acknowledged_by, alert.acknowledged_at, alert.cleared_at is not None)


def _open_views(uow: AlertUnitOfWork) -> tuple[AlertView, ...]:
    """Everything not yet acknowledged, newest first, read as plain rows."""
    return tuple(AlertView(id_, kind, subject, rebuilt(template, values, message), raised_at,
                           by, at, cleared is not None)
                 for id_, kind, subject, message, raised_at, by, at, cleared, template, values
                 in uow.alerts.open_rows())


def open_alerts(uow: AlertUnitOfWork) -> tuple[AlertView, ...]:
    with uow:
        return _open_views(uow)


def acknowledge_alert(uow: AlertUnitOfWork, alert_id: int, by: str) -> AlertView:
    """The supervisor saw it: their name and the time go on the alert."""
    with uow:
        alert = uow.alerts.get(alert_id)
        if alert is None:
            raise NotFound(Msg("There is no alert {alert_id}.", alert_id=alert_id))
        alert.acknowledge(by, uow.now())
        uow.commit()
        return view(alert)
