"""Where a supervisor hears of alerts away from the bench: a DingTalk or WeCom group robot, or
e-mail, each for the alert kinds it is set up for, quiet at night if asked.

A route's secrets (the DingTalk sign secret, the SMTP password) are not here: they live in the
system keyring (sync/credentials.py). Messages to a route go through the outbox, on the
channel `alert:<code>`, so each is sent once and waits while the robot cannot be reached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain.alerts import AlertKind
from app.domain.errors import InvalidInput
from app.domain.messages import Msg

CHANNEL_PREFIX = "alert:"
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,23}$")  # the outbox channel is alert:<code>
LANGUAGES = ("en", "zh_CN")
REPORT_KIND = "weekly_report"  # a mail route that lists it gets the Monday report
REPORT_HOUR = 8  # Monday 08:00 in the route's time zone, unless settings say report_hour


class RouteKind(StrEnum):
    DINGTALK = "dingtalk"
    WECOM = "wecom"
    MAIL = "mail"


def route_channel(code: str) -> str:
    return f"{CHANNEL_PREFIX}{code}"


def route_code(channel: str) -> str | None:
    return channel[len(CHANNEL_PREFIX):] if channel.startswith(CHANNEL_PREFIX) else None


def _clock(text: str) -> time:
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return time(hours, minutes)
    except (ValueError, TypeError):
        raise InvalidInput(Msg("Quiet hours are two times like 22:00-07:00, not {text}.",
                               text=text)) from None


@dataclass(eq=False)
class AlertRoute:
    code: str
    kind: str  # RouteKind
    target: str  # the robot's webhook URL, or the mail addresses (comma-separated)
    alert_kinds: list[str] = field(default_factory=list)  # empty: every kind
    quiet_start: str = ""  # "22:00" local time; "" is never quiet
    quiet_end: str = ""  # "07:00"
    timezone: str = "UTC"  # the zone the quiet hours are in
    language: str = "en"
    keyword: str = ""  # a DingTalk robot's custom keyword: every message must contain it
    settings: dict = field(default_factory=dict)  # mail: smtp_host, smtp_port, username, sender
    enabled: bool = True
    id: int | None = None

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        """Refuse what could never be delivered, with words a supervisor can act on."""
        if not CODE_RE.match(self.code or ""):
            raise InvalidInput(Msg("A route code is 1-24 lower-case letters, digits, - or _, "
                                   "not {code!r}.", code=self.code))
        if self.kind not in tuple(RouteKind):
            raise InvalidInput(Msg("A route is dingtalk, wecom or mail, not {kind}.",
                                   kind=self.kind))
        unknown = sorted(set(self.alert_kinds) - set(AlertKind) - {REPORT_KIND})
        if unknown:
            raise InvalidInput(Msg("Unknown alert kinds: {kinds}; choose from {known}.",
                                   kinds=", ".join(unknown),
                                   known=", ".join([*AlertKind, REPORT_KIND])))
        if REPORT_KIND in self.alert_kinds and self.kind != RouteKind.MAIL:
            raise InvalidInput(Msg("Route {code}: the weekly report goes by mail only.",
                                   code=self.code))
        self.report_hour()
        if self.language not in LANGUAGES:
            raise InvalidInput(Msg("A route's language is en or zh_CN, not {language}.",
                                   language=self.language))
        if bool(self.quiet_start) != bool(self.quiet_end):
            raise InvalidInput(Msg("Quiet hours need a start and an end, like 22:00-07:00."))
        if self.quiet_start:
            _clock(self.quiet_start), _clock(self.quiet_end)
        self.zone()
        if self.kind in (RouteKind.DINGTALK, RouteKind.WECOM) and \
                not self.target.startswith(("https://", "http://")):
            raise InvalidInput(Msg("Route {code}: a robot's webhook is a URL, not {target}.",
                                   code=self.code, target=self.target))
        if self.kind == RouteKind.MAIL:
            if not self.recipients() or not all("@" in a for a in self.recipients()):
                raise InvalidInput(Msg("Route {code}: give the mail addresses, comma-separated.",
                                       code=self.code))
            if not self.settings.get("smtp_host"):
                raise InvalidInput(Msg("Route {code}: a mail route needs smtp_host.",
                                       code=self.code))

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone or "UTC")
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(Msg("Unknown time zone {zone}.", zone=self.timezone)) from None

    def recipients(self) -> list[str]:
        return [a.strip() for a in self.target.split(",") if a.strip()]

    @property
    def channel(self) -> str:
        return route_channel(self.code)

    def wants(self, alert_kind: str) -> bool:
        return self.enabled and (not self.alert_kinds or alert_kind in self.alert_kinds)

    @property
    def wants_report(self) -> bool:
        return self.enabled and self.kind == RouteKind.MAIL and REPORT_KIND in self.alert_kinds

    def report_hour(self) -> int:
        raw = self.settings.get("report_hour", REPORT_HOUR)
        try:
            hour = int(raw)
        except (TypeError, ValueError):
            hour = -1
        if not 0 <= hour <= 23:
            raise InvalidInput(Msg("Route {code}: report_hour is an hour from 0 to 23, not "
                                   "{hour}.", code=self.code, hour=raw))
        return hour

    def report_due(self, now: datetime) -> str | None:
        """The ISO week whose report this route is owed at `now`: from Monday at the report
        hour (the route's zone) on, the week that ended; before it, none."""
        local = now.astimezone(self.zone())
        monday = local.date() - timedelta(days=local.weekday())
        due_at = datetime.combine(monday, time(self.report_hour()), tzinfo=self.zone())
        if local < due_at:
            return None
        year, week, _ = (monday - timedelta(days=7)).isocalendar()
        return f"{year}-W{week:02d}"

    def quiet_until(self, now: datetime) -> datetime | None:
        """The end of the quiet hours `now` is in (UTC), or None when the route may speak.
        22:00-07:00 spans midnight; 12:00-13:00 does not."""
        if not self.quiet_start:
            return None
        start, end = _clock(self.quiet_start), _clock(self.quiet_end)
        local = now.astimezone(self.zone())
        at = local.time().replace(second=0, microsecond=0, tzinfo=None)
        if start == end:
            return None
        inside = start <= at < end if start < end else (at >= start or at < end)
        if not inside:
            return None
        day = local.date() if (start < end or at < end) else local.date() + timedelta(days=1)
        ends = datetime.combine(day, end, tzinfo=self.zone())
        return ends.astimezone(now.tzinfo)
