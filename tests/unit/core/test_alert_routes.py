"""Alert routes: quiet hours in the route's own zone, and refusals a supervisor can act on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.alert_routes import AlertRoute
from app.domain.errors import InvalidInput

HOOK = "https://oapi.dingtalk.com/robot/send?access_token=t"


def night(zone: str = "Asia/Shanghai", start: str = "22:00", end: str = "07:00") -> AlertRoute:
    return AlertRoute("night", "dingtalk", HOOK, quiet_start=start, quiet_end=end,
                      timezone=zone)


@pytest.mark.parametrize(("utc", "until"), [
    (datetime(2026, 11, 20, 13, 59, tzinfo=UTC), None),  # 21:59 in Shanghai
    (datetime(2026, 11, 20, 14, 0, tzinfo=UTC), datetime(2026, 11, 20, 23, 0, tzinfo=UTC)),
    (datetime(2026, 11, 20, 18, 30, tzinfo=UTC), datetime(2026, 11, 20, 23, 0, tzinfo=UTC)),
    (datetime(2026, 11, 20, 22, 59, tzinfo=UTC), datetime(2026, 11, 20, 23, 0, tzinfo=UTC)),
    (datetime(2026, 11, 20, 23, 0, tzinfo=UTC), None),  # 07:00: the day has begun
])
def test_quiet_hours_across_midnight_end_at_the_local_morning(utc, until):
    assert night().quiet_until(utc) == until


def test_quiet_hours_within_a_day_and_in_a_zone_with_summer_time():
    lunch = night("Europe/Berlin", "12:00", "13:00")
    assert lunch.quiet_until(datetime(2026, 7, 1, 10, 30, tzinfo=UTC)) == \
        datetime(2026, 7, 1, 11, 0, tzinfo=UTC)  # CEST, UTC+2
    assert lunch.quiet_until(datetime(2026, 12, 1, 11, 30, tzinfo=UTC)) == \
        datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # CET, UTC+1
    assert lunch.quiet_until(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) is None
    assert AlertRoute("day", "wecom", HOOK).quiet_until(datetime(2026, 1, 1, tzinfo=UTC)) is None


def test_a_route_wants_its_kinds_only_while_enabled():
    route = AlertRoute("r", "wecom", HOOK, ["late", "printer_down"])
    assert route.wants("late") and not route.wants("stuck")
    route.enabled = False
    assert not route.wants("late")
    assert AlertRoute("all", "wecom", HOOK).wants("stock_conflict")


@pytest.mark.parametrize(("fields", "says"), [
    ({"code": "Lead Desk"}, "A route code is 1-24 lower-case letters"),
    ({"kind": "slack"}, "A route is dingtalk, wecom or mail, not slack."),
    ({"alert_kinds": ["late", "lat"]}, "Unknown alert kinds: lat; choose from stuck, late"),
    ({"language": "de"}, "A route's language is en or zh_CN, not de."),
    ({"quiet_start": "22:00"}, "Quiet hours need a start and an end"),
    ({"quiet_start": "22h", "quiet_end": "07:00"}, "like 22:00-07:00, not 22h."),
    ({"timezone": "Mars/Olympus"}, "Unknown time zone Mars/Olympus."),
    ({"target": "oapi.dingtalk.com/robot"}, "a robot's webhook is a URL"),
    ({"kind": "mail", "target": "lead@shop.test"}, "a mail route needs smtp_host"),
    ({"kind": "mail", "target": "lead", "settings": {"smtp_host": "m"}}, "give the mail addresses"),
])
def test_a_route_that_could_not_deliver_is_refused_in_words(fields, says):
    values = {"code": "lead", "kind": "dingtalk", "target": HOOK, **fields}
    with pytest.raises(InvalidInput, match=None) as refused:
        AlertRoute(**values)
    assert says in str(refused.value)
