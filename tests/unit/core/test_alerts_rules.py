"""Which facts raise which alert, and how one is acknowledged: plain Python, no store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.alerts import Alert, AlertKind, AlertThresholds
from app.domain.errors import InvalidInput, NotAllowed
from app.services.alerts import AlertFacts, detect, thresholds_with_channels

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def test_stuck_uses_each_channels_own_limit():
    facts = AlertFacts(stuck=(("A", "shopify", "ready", NOW - timedelta(hours=3)),
                              ("B", "taobao", "needs_review", NOW - timedelta(hours=3)),
                              ("C", "taobao", "needs_review", NOW - timedelta(minutes=30))))
    limits = thresholds_with_channels(
        AlertThresholds(), [("taobao", "", {"stuck_after_hours": "2"}),
                            ("shopify", "", {"stuck_after_hours": "soon"}),
                            ("woo", "", {"stuck_after_hours": 0.5}),
                            ("csv", "", {"stuck_after_hours": -1})])
    assert limits.stuck_after_for("woo") == timedelta(minutes=30)
    assert limits.stuck_after_for("csv") == timedelta(hours=4)
    assert limits.stuck_after_for("shopify") == timedelta(hours=4)  # a bad setting is ignored
    assert [a.subject for a in detect(facts, NOW, limits)] == ["B"]
    assert "needs review for 3.0 h, past the 2.0 h limit" in detect(facts, NOW, limits)[0].message


def test_only_errors_count_as_sync_failures_and_keys_are_stable():
    facts = AlertFacts(channel_results=(("shop", "error: HTTP 401", {}),
                                        ("woo", "offline: no route", {}),
                                        ("tb", "pulled 3 orders", {})))
    first, again = detect(facts, NOW, AlertThresholds()), detect(facts, NOW, AlertThresholds())
    assert [(a.kind, a.subject) for a in first] == [(AlertKind.SYNC_FAILURE, "shop")]
    assert first[0].key == again[0].key


def test_escalated_returns_and_stock_shortages_raise_their_kinds():
    facts = AlertFacts(escalated_returns=(("RMA-7", "PD-1"),),
                       stock_shortages=(("PD-2", "shop", ["not enough stock for SKU A"]),
                                        ("PD-3", "shop", [])))
    got = {(a.kind, a.subject) for a in detect(facts, NOW, AlertThresholds())}
    assert got == {(AlertKind.RETURN_ESCALATED, "RMA-7"), (AlertKind.STOCK_CONFLICT, "PD-2")}


def test_a_late_order_is_late_only_after_its_promise():
    facts = AlertFacts(late=(("A", "shop", "ready", NOW - timedelta(minutes=1)),
                             ("B", "shop", "ready", NOW + timedelta(minutes=1))))
    assert [a.subject for a in detect(facts, NOW, AlertThresholds())] == ["A"]


def test_acknowledging_records_who_and_when_once():
    alert = Alert("late:A", AlertKind.LATE, "A", "late", NOW)
    with pytest.raises(InvalidInput, match="at most 64"):
        alert.acknowledge("x" * 65, NOW)
    alert.acknowledge(" Sam ", NOW)
    assert (alert.acknowledged_by, alert.acknowledged_at, alert.is_open) == ("Sam", NOW, False)
    with pytest.raises(NotAllowed):
        alert.acknowledge("Ann", NOW)


def test_a_parcel_not_scanned_out_by_its_carriers_own_cut_off_in_its_zone_is_alerted():
    from app.services.alerts import AlertFacts

    now = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)  # 16:30 in Shanghai
    facts = AlertFacts(unshipped_parcels=(
        ("SF1", ["PD-1"], "sf", now - timedelta(hours=2), "16:00", "Asia/Shanghai"),
        ("SF2", ["PD-2"], "sf", now - timedelta(minutes=10), "16:00", "Asia/Shanghai"),
        ("EZ1", ["PD-3"], "ezp", now - timedelta(hours=2), "", "")))  # default 17:00 UTC
    alerts = [a for a in detect(facts, now, AlertThresholds()) if a.kind == "not_handed_over"]
    assert [a.subject for a in alerts] == ["SF1"]  # SF2 was packed after the cut-off
    assert "by the 16:00 cut-off" in alerts[0].message
