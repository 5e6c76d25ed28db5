"""The hand-over in the station's language: the manifest the driver signs and what the
command line says, in Chinese when the station runs in Chinese."""

from __future__ import annotations

import io
from argparse import Namespace
from datetime import UTC, datetime

from app.services.handover import ManifestCarrier, ManifestParcel
from app.services.leases import Claimant, take_lease
from app.services.tracking import TRACK_LEASE
from printing.carriers.credentials import CarrierCredentialStore
from printing.manifest import render_manifest
from printing.shipping_cli import run
from tests.integration.printing.pdftools import decode, rasterise, text_of
from tests.parts.file_keyring import FileKeyring
from tests.parts.shipment_store import carrier_store

SCANNED = datetime(2026, 12, 2, 16, 40, tzinfo=UTC)
SF = ManifestCarrier("SF", "顺丰速运", (
    ManifestParcel("SF1400000001", ("PD-1001", "PD-1002"), 1250, SCANNED, "Ann"),
    ManifestParcel("SF1400000002", ("PD-1003",), 800, SCANNED, "Ann")))


def test_the_manifest_is_printed_in_chinese_for_a_chinese_station(tmp_path):
    manifest = render_manifest([SF], tmp_path / "manifest.pdf", SCANNED, "dock-1", "zh_CN")
    text = text_of(manifest)
    assert "交接清单：顺丰速运" in text
    assert "2026-12-02 16:40 UTC · 工位 dock-1" in text
    assert "2 个包裹，2.05 kg" in text
    assert "运单号" in text and "交接扫描" in text and "揽收员姓名及签字" in text
    assert "Hand-over" not in text and "parcels" not in text
    page = rasterise(manifest, 300, tmp_path / "pages")[0]
    assert set(decode(page)) == {"SF1400000001", "SF1400000002"}  # still scans off the sheet


def test_the_manifest_stays_english_by_default(tmp_path):
    text = text_of(render_manifest([SF], tmp_path / "manifest.pdf", SCANNED))
    assert "Hand-over manifest: 顺丰速运" in text and "2 parcels, 2.05 kg" in text
    assert "Driver's name and signature" in text


def test_the_carrier_commands_answer_in_the_command_lines_language(
        sqlite_url, store, uow, easypost_server, tmp_path, monkeypatch):
    carrier_store(uow, easypost_server.url)
    keys = CarrierCredentialStore(FileKeyring(tmp_path / "keyring.json"))
    monkeypatch.setenv("PACKDESK_LANGUAGE", "zh_CN")
    base = {"db": sqlite_url, "sub_db": None, "station": "cron", "lease": 300.0}
    take_lease(TRACK_LEASE, Claimant.for_station("station-2"), uow())  # another runner tracks
    out = io.StringIO()
    assert run(Namespace(command="track", once=True, webhook=None, **base), keys, out) == 0
    assert out.getvalue() == "另一个进程正在跟踪包裹物流\n"
    err = io.StringIO()
    assert run(Namespace(command="carrier", carrier_command="key", code="nobody", **base),
               keys, io.StringIO(), err) == 2
    assert err.getvalue() == ("packdesk：承运商 nobody 没有承运商接口（自有号段）；请先用 "
                              "`packdesk carrier set nobody --api ...` 设置\n")
