"""Every alert the core raises reads in Chinese on a zh_CN route, and in English elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.alerts import AlertKind, AlertThresholds
from app.services.alert_notices import _payload
from app.services.alerts import AlertFacts, detect
from sync.alert_text import ALERT_ZH, TITLES, render

NOW = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)  # past the hand-over cut-off
FACTS = AlertFacts(
    stuck=(("PD-1", "shopify", "needs_review", NOW - timedelta(hours=5)),),
    late=(("PD-2", "taobao", "packing", NOW - timedelta(hours=1)),),
    failed_outbox=((7, "shopify", "stock_level", "HTTP 422"),),
    channel_results=(("woo", "error: 401 Unauthorized", {}),),
    stock_shortages=(("PD-3", "shopify", ["not enough stock of TEA-1"]),),
    escalated_returns=(("RMA-9", "PD-4"),),
    waiting_labels=((11, "bench-1", "ZEBRA", "PD-5", NOW - timedelta(minutes=8),
                     "printer off (try 3 in 4 s)"),),
    locked_logins=(("ann", 5, NOW + timedelta(seconds=30)),),
    pending_labels=(("PD-6-1", ["PD-6"], "ezp", NOW - timedelta(minutes=30), "EasyPost is down",
                     ""),
                    ("PD-7-2", ["PD-7"], "ezp", NOW, "", "EasyPost refused the address")),
    unshipped_parcels=(("9400111", ["PD-8"], "ezp", NOW - timedelta(hours=9), "", ""),),
    moving_parcels=(("9400222", ["PD-9"], "ezp", "shipped", NOW - timedelta(days=4), 0),
                    ("9400333", ["PD-10"], "ezp", "returned_to_sender", NOW, 0)),
    low_clip_disks=(("bench-2", "/srv/clips", 300 * 1024**2, 500 * 1024**3, 2 * 1024**3, "",
                     NOW - timedelta(minutes=3)),),
    stopped_encoders=(("bench-3", "signal 9", NOW - timedelta(minutes=1)),))


def test_every_kind_of_alert_has_a_chinese_template_and_title():
    alerts = detect(FACTS, NOW, AlertThresholds())
    assert {a.kind for a in alerts} == set(AlertKind)
    for alert in alerts:
        assert alert.message.template in ALERT_ZH, alert.message.template
        assert alert.kind in TITLES and TITLES[alert.kind] in ALERT_ZH


def test_the_chinese_notice_translates_the_statuses_too():
    alerts = {a.key.split(":")[0] + ":" + a.key.split(":")[1]: a
              for a in detect(FACTS, NOW, AlertThresholds())}
    stuck = render(_payload(alerts["stuck:PD-1"], "raised", NOW), "zh_CN")
    assert stuck.title == "[Packdesk] 订单滞留：PD-1"
    assert stuck.body == "PD-1（shopify）处于“待审核”已 5.0 h，超过 4.0 h 的上限。"
    sync = render(_payload(alerts["sync:outbox"], "cleared", NOW), "zh_CN")
    assert sync.body == "向 shopify 推送库存最终失败：HTTP 422\n该情况已解除。"
    printer = render(_payload(alerts["printer:bench-1"], "raised", NOW), "en")
    assert printer.title == "[Packdesk] Printer down: ZEBRA"
    assert printer.body == ("Shipping labels for PD-5 have waited 8 min for printer ZEBRA at "
                            "bench-1: printer off (try 3 in 4 s)")


def test_a_stopped_pack_video_reads_in_chinese_with_its_reason():
    (disk,) = [a for a in detect(FACTS, NOW, AlertThresholds()) if a.kind == "clips_disk"]
    notice = render(_payload(disk, "raised", NOW), "zh_CN")
    assert notice.title == "[Packdesk] 打包视频已停止：磁盘将满：bench-2"
    assert notice.body == ("工位 bench-2 的打包视频已停止：/srv/clips 剩余 300.0 MB，共 500.0 GB，"
                           "录制需保留 2.0 GB 空闲。打包照常进行；请删除旧视频（packdesk clips "
                           "prune）或腾出空间，下一单起恢复录制。")


def test_a_message_without_a_known_template_goes_out_as_written():
    payload = {"event": "raised", "alert_kind": "late", "subject": "PD-9",
               "message": "PD-9 is late", "template": "", "values": {}}
    assert render(payload, "zh_CN").body == "PD-9 is late"


def test_a_stopped_pack_video_encoder_reads_in_chinese_with_its_reason():
    (encoder,) = [a for a in detect(FACTS, NOW, AlertThresholds()) if a.kind == "clip_encoder"]
    assert encoder.subject == "bench-3"
    assert encoder.key == f"clip_encoder:bench-3:{(NOW - timedelta(minutes=1)).isoformat()}"
    notice = render(_payload(encoder.alert(), "raised", NOW), "zh_CN")
    assert notice.title == "[Packdesk] 打包视频编码进程已停止：bench-3"
    assert notice.body == ("工位 bench-3 的打包视频编码进程已停止（signal 9），正在录制的视频可能丢失。"
                           "打包照常进行，下一单起恢复录制。")
    english = render(_payload(encoder.alert(), "raised", NOW), "en")
    assert english.title == "[Packdesk] Pack video encoder stopped: bench-3"
