"""Pack videos in the store: indexed by order, tracking number and channel id, exported with
their checksum and scan log, pruned oldest first but never while a return is open."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import numpy as np

from app.domain.clips import Retention
from app.domain.returns import ReturnCase
from app.services.clips import find_clips, prune_clips, record_clip
from scanners.pack_video import ClipTampered, PackRecorder, clip_record, export_clip


def _film(folder, number: str, tracking: str, channel_id: str):
    recorder = PackRecorder(folder, size=(320, 240), fps=15)
    recorder.begin(number, tracking, channel_id)
    for index in range(6):
        recorder.offer(np.full((240, 320, 3), 40 * index, np.uint8))
        if index == 2:
            recorder.note("verified TEA-001")
        time.sleep(0.07)
    result = recorder.end()
    recorder.close()
    return result


def test_a_clip_is_found_by_any_of_its_keys_and_exported_with_its_checksum(tmp_path, store, uow):
    result = _film(tmp_path / "clips", "PD-100001", "PK000000045", "SHOP-1001")
    stored = record_clip(uow(), clip_record(result, "B1"))
    assert stored.station == "B1" and stored.events[0]["text"] == "verified TEA-001"
    for key in ("PD-100001", "PK000000045", "SHOP-1001"):
        assert [c.id for c in find_clips(uow(), key)] == [stored.id]
    assert find_clips(uow(), "PD-999999") == ()
    copy, log = export_clip(result.path, stored.sha256, {"order": "PD-100001"},
                            list(stored.events), tmp_path / "dispute")
    assert copy.read_bytes() == result.path.read_bytes()
    written = json.loads(log.read_text())
    assert written["sha256"] == stored.sha256 and written["scans"][0]["text"] == "verified TEA-001"
    with result.path.open("r+b") as clip:  # changed after recording
        clip.seek(100)
        clip.write(b"\0\0\0\0")
    try:
        export_clip(result.path, stored.sha256, {}, [], tmp_path / "again")
    except ClipTampered as exc:
        assert "does not match its recorded checksum" in str(exc)
    else:
        raise AssertionError("a changed clip was exported as evidence")


def test_pruning_keeps_the_clip_of_an_open_return(tmp_path, store, uow):
    old = datetime.now(UTC) - timedelta(days=120)
    for number in ("PD-100001", "PD-100002"):
        row = clip_record(_film(tmp_path / "clips", number, "", ""), "B1")
        row.started_at, row.ended_at = old, old + timedelta(minutes=1)
        record_clip(uow(), row)
    with uow() as u:
        u.returns.add(ReturnCase(rma_number="RMA-1", order_number="PD-100002", channel="shopify",
                                 channel_order_id="X", assigned_to="", shipping_paid_by="buyer",
                                 requested_at=old, status="requested"))
        u.commit()
    removed = []
    done = prune_clips(uow(), Retention(keep_days=90), removed.append)
    assert (done.deleted, done.kept_for_returns) == (1, 1)
    assert [p.rsplit("/", 1)[-1].endswith("PD-100001.mp4") for p in removed] == [True]
    assert find_clips(uow(), "PD-100001") == () and len(find_clips(uow(), "PD-100002")) == 1


def test_the_clips_command(tmp_path, store, uow):
    result = _film(tmp_path / "clips", "PD-100003", "PK000000052", "")
    record_clip(uow(), clip_record(result, "B1"))
    db = store.url.replace("sqlite:///", "")
    run = [sys.executable, "-m", "main", "--db", db, "clips"]
    listed = subprocess.run([*run, "list", "PK000000052"], capture_output=True, text=True,
                            timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("PD-100003\tPK000000052\t")
    exported = subprocess.run([*run, "export", "PD-100003", "--to", str(tmp_path / "out")],
                              capture_output=True, text=True, timeout=60)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / result.path.name).exists()
    missing = subprocess.run([*run, "list", "NOPE"], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and "no pack video of NOPE" in missing.stderr
