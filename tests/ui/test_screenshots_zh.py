"""Every screen in Chinese, at the 1280 x 800 a bench runs full screen: the screenshot scripts
(tests/screenshots*.py, `make screenshots`) open each screen and tool window with the Chinese
translation and record any text that does not fit its widget (tests/parts/text_fit.py: labels,
buttons, placeholders, combo boxes, column headings and cells). The PNGs are for a person to
look at; this test holds the part a machine can check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ("tests.screenshots", "tests.screenshots_first_day", "tests.screenshots_setup")
SCREENS = (  # at least these, by the name each script gives its picture
    "1-login", "2-mid-pack", "3-wrong-item", "4-complete", "5-cancelled", "6-merge-offer",
    "7-merged-parcel", "8-buyer-note", "10-order-board", "11-health-dashboard", "12-alerts",
    "13-review-list", "14-failed-messages", "15-print-log", "16-batch-labels", "17-self-test",
    "18-station-settings", "19-returns-counter", "20-stock-history", "21-receiving",
    "22-cycle-count", "23-csv-import", "24-order-history", "25-review-history",
    "26-stock-history-sku", "27-sync-status", "28-hold", "29-confirm-by-hand", "30-pick-order",
    "31-command-sheet", "1-first-run-pins-differ", "3-next-steps", "4-people",
    "5-product-editor", "5-product-labels", "6-catalogue-import", "7-locked-refusal",
    "products-pulled", "carriers-own-range", "carriers-api-tested", "carriers-sf-fields",
    "station-setup-printers", "station-setup-scanners", "station-setup-camera",
    "station-setup-scale", "stock-import")


@pytest.mark.slow
def test_every_screen_in_chinese_fits_its_texts(tmp_path):
    screen = tmp_path / "screen.json"  # the offscreen platform's screen, as a bench's
    screen.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1280,
                                               "height": 800, "logicalDpi": 96, "dpr": 1}]}))
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "PYTHONPATH": str(ROOT), "PACKDESK_LANGUAGE": "zh_CN"}
    for script in SCRIPTS:
        done = subprocess.run([sys.executable, "-m", script, str(out), "zh_CN"], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
    missing = [name for name in SCREENS if not (out / f"zh_CN-{name}.png").is_file()]
    assert missing == []
    report = out / "zh_CN-clipped.txt"
    assert report.is_file()
    assert report.read_text(encoding="utf-8").splitlines() == []
