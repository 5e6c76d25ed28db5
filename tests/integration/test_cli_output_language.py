"""What the command line prints, not only its refusals, follows PACKDESK_LANGUAGE (else the
locale): a Chinese merchant's cron mail of `packdesk sync --once` reads in Chinese."""

from __future__ import annotations

from tests.unit.test_cli_help_language import _packdesk


def test_sync_and_orders_print_in_the_terminals_language(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    chinese = _packdesk("--db", db, "sync", "--once", language="zh_CN")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.strip() == (
        "没有要同步的渠道；请用以下命令添加：packdesk channel add CODE --kind ...")
    refused = _packdesk("--db", db, "orders", "--status", "bogus", language="zh_CN")
    assert refused.returncode == 2 and refused.stderr.startswith("packdesk orders：状态 'bogus'")
    english = _packdesk("--db", db, "sync", "--once", language="en")
    assert english.stdout.strip() == (
        "No channel to sync; add one with: packdesk channel add CODE --kind ...")


def test_init_says_what_comes_next_in_chinese(tmp_path):
    db = f"sqlite:///{tmp_path / 'new.db'}"
    done = _packdesk("--db", db, "init", "--supervisor", "Mei", language="zh_CN",
                     PACKDESK_PIN="2468")
    assert done.returncode == 0, done.stderr
    assert "的数据库已就绪，Mei 是主管。下一步：添加商品" in done.stdout
