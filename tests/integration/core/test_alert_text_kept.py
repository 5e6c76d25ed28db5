"""An alert read back from the store still knows its message's template, so the panel shows
it in the station's language (migration 0021); an alert stored before keeps its English."""

from __future__ import annotations

from datetime import UTC, datetime

from app.adapters.unit_of_work import uow_factory
from app.domain.alerts import Alert
from app.domain.messages import Msg
from app.domain.translation import translate
from app.services.alerts import open_alerts

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def test_a_stored_alert_reads_in_chinese(store):
    uow = uow_factory(store.session_factory, "bench-1", clock=lambda: NOW)
    message = Msg("{number} ({channel}) was promised to ship by {ship_by} UTC and is still "
                  "{status}.", number="PD-1", channel="taobao", ship_by="2026-11-20 14:00",
                  status="ready")
    with uow() as u:
        u.alerts.add(Alert("late:PD-1", "late", "PD-1", message, NOW))
        u.alerts.add(Alert("late:PD-2", "late", "PD-2", "PD-2 is late (an older alert).", NOW))
        u.commit()
    shown = {a.subject: a.message for a in open_alerts(uow())}
    assert shown["PD-1"] == message  # the English as before
    assert translate(shown["PD-1"], "zh_CN") == \
        "PD-1（taobao）承诺在 UTC 2026-11-20 14:00 前发货，目前仍为“待打包”。"
    assert translate(shown["PD-2"], "zh_CN") == "PD-2 is late (an older alert)."


def test_the_scan_log_read_back_from_the_store_reads_in_chinese(store):
    from app.domain.packing import PackSession, ScanEvent
    from app.services.views import scan_log

    uow = uow_factory(store.session_factory, "bench-1", clock=lambda: NOW)
    wrong = Msg("Wrong item: {sku} {name} is not in this order. Still expected: {expected}.",
                sku="POT-003", name="Yixing teapot", expected="CAP-017 ×3")
    with uow() as u:
        pack = PackSession("PD-1", "Ann", "bench-1", NOW)
        pack.events.append(ScanEvent("u1", "POT-003", "wedge", NOW, "wrong_item",
                                     message=wrong, order_number="PD-1", packer="Ann"))
        pack.events.append(ScanEvent("u2", "X", "wedge", NOW, "unknown_code",
                                     message="written before 0021", order_number="PD-1"))
        u.pack_sessions.add(pack)
        u.commit()
        session_id = pack.id
    with uow() as u:
        first, second = scan_log(list(u.pack_sessions.get(session_id).events))
    assert first.message == wrong
    assert translate(first.message, "zh_CN").startswith("错货：POT-003 Yixing teapot")
    assert translate(second.message, "zh_CN") == "written before 0021"
