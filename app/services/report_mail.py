"""The Monday report by mail: each mail route that lists `weekly_report` is owed last week's
PDF from Monday at its report hour (its own time zone), once.

The report is queued in the outbox on the route's channel like an alert notice, with a key
naming the route and the week, so however many stations (and cron's `sync --once`) look at
the schedule, one message is stored (the key is unique: a station that loses the race is
told DuplicateRecord and drops its attempt); the sender renders the PDF in the route's
language when it sends (sync/alert_delivery.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.alert_routes import REPORT_KIND
from app.domain.errors import NotFound
from app.domain.messages import Msg
from app.domain.outbox import OutboxMessage
from app.services.alert_notices import NoticeUnitOfWork

REPORT_MESSAGE = "report"  # the outbox kind


def report_key(code: str, week: str) -> str:
    return f"report:{code}:{week}"


@dataclass(frozen=True)
class QueuedReport:
    route: str
    week: str
    queued: bool  # False: it was queued already (by this station or another)


def queue_weekly_reports(uow: NoticeUnitOfWork, week: str | None = None,
                         codes: list[str] | None = None) -> list[QueuedReport]:
    """Queue what the report routes are owed now (`week=None`, the schedule), or `week`'s
    report for the routes named (`packdesk report --mail`); quiet hours are kept."""
    with uow:
        now = uow.now()
        routes = [r for r in uow.alert_routes.all() if r.wants_report
                  and (codes is None or r.code in codes)]
        if (codes is not None or week is not None) and not routes:  # asked for, by hand
            raise NotFound(Msg("No mail route gets the weekly report; add one with packdesk "
                               "alerts route add CODE --kind mail --alerts weekly_report ..."))
        due = [(r, w) for r in routes if (w := week or r.report_due(now))]
        known = uow.alert_routes.notice_keys([report_key(r.code, w) for r, w in due])
        done = []
        for route, owed in due:
            key = report_key(route.code, owed)
            if key not in known:
                uow.outbox.add(OutboxMessage(
                    route.channel, REPORT_MESSAGE, key,
                    {"event": REPORT_MESSAGE, "alert_kind": REPORT_KIND, "week": owed,
                     "at": now.isoformat()}, now, subject=f"report {owed}",
                    next_attempt_at=route.quiet_until(now)))
            done.append(QueuedReport(route.code, owed, key not in known))
        uow.commit()
        return done
