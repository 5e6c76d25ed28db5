"""The command line says its refusals in the terminal's language (PACKDESK_LANGUAGE, else the
locale): a Chinese merchant's cron mail and terminal read in Chinese (issue 18)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _packdesk(tmp_path, *args, **env):
    base = {k: v for k, v in os.environ.items()
            if k not in ("PACKDESK_LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**base, "LANG": "C.UTF-8", **env})


SUPERVISOR = {"PACKDESK_SUPERVISOR": "Mei", "PACKDESK_PIN": "2468"}


def test_a_refusal_in_chinese_and_in_english(tmp_path):
    db = str(tmp_path / "store.db")
    made = _packdesk(tmp_path, "init", "--db", db, "--supervisor", "Mei",
                     PACKDESK_PIN="2468")
    assert made.returncode == 0, made.stderr  # carrier set is a supervisor's command
    chinese = _packdesk(tmp_path, "carrier", "--db", db, "set", "X", "--api", "dhl",
                        PACKDESK_LANGUAGE="zh_CN", **SUPERVISOR)
    assert chinese.returncode == 2
    assert "没有名为 dhl 的承运商接口" in chinese.stderr, chinese.stderr
    english = _packdesk(tmp_path, "carrier", "--db", db, "set", "X", "--api", "dhl",
                        PACKDESK_LANGUAGE="en", **SUPERVISOR)
    assert "There is no carrier adapter dhl" in english.stderr, english.stderr
    by_locale = _packdesk(tmp_path, "carrier", "--db", db, "set", "X", "--api", "dhl",
                          LANG="zh_CN.UTF-8", **SUPERVISOR)
    assert "承运商接口" in by_locale.stderr, by_locale.stderr
