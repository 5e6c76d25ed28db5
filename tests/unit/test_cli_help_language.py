"""`packdesk --help` and every command's help follow PACKDESK_LANGUAGE (else the locale), as
the command line's errors do; and every help text the parser holds has its Chinese."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from app.domain.catalog_zh import CLI_ZH

ROOT = Path(__file__).resolve().parents[2]


def _packdesk(*argv: str, language: str, **extra: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if key not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PACKDESK_LANGUAGE=language, COLUMNS="100", PYTHONPATH=str(ROOT),
               QT_QPA_PLATFORM="offscreen", **extra)
    return subprocess.run([sys.executable, "-c", "import sys; from main import cli; sys.exit(cli())",
                           *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    texts = [t for t in (parser.description, parser.epilog) if t]
    for action in parser._actions:
        texts += [a.help for a in (action, *getattr(action, "_choices_actions", ()))
                  if a.help and a.help != argparse.SUPPRESS]
        for sub in getattr(action, "choices", None) or ():
            if isinstance(action, argparse._SubParsersAction):
                texts += _help_texts(action.choices[sub])
    return texts


def test_every_help_text_of_the_command_line_has_its_chinese():
    from main import _parser

    texts = _help_texts(_parser())
    assert len(texts) > 100
    missing = sorted({t for t in texts if t not in CLI_ZH})
    assert missing == [], "add these to CLI_ZH in app/domain/catalog_zh.py"
    assert all(CLI_ZH[t].count("%") == t.count("%") for t in texts)


def test_packdesk_help_is_in_chinese_for_a_chinese_terminal():
    done = _packdesk("--help", language="zh_CN")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：packdesk ")
    assert "打包工位与退货柜台" in done.stdout and "显示此帮助信息并退出" in done.stdout
    assert "为每个渠道拉取订单并推送变更" in done.stdout  # the sync command, in the list
    assert "pull orders and push changes" not in done.stdout
    orders = _packdesk("orders", "--help", language="zh_CN")
    assert "--json             输出一个 JSON 数组，每个订单一个对象" in orders.stdout
    assert "选项" in orders.stdout and "options" not in orders.stdout


def test_argparse_complaints_are_in_chinese_too():
    done = _packdesk("print", language="zh_CN")
    assert done.returncode == 2
    assert "packdesk print：错误：缺少必需的参数：document" in done.stderr
    wrong = _packdesk("--lang", "fr", language="zh_CN")
    assert "参数 --lang：fr 不是可用的语言；请用 en 或 zh_CN" in wrong.stderr


def test_an_english_terminal_keeps_the_english_help():
    done = _packdesk("--help", language="en")
    assert done.stdout.startswith("usage: packdesk ")
    assert "pull orders and push changes for every channel" in done.stdout
    assert "the following arguments are required: document" in _packdesk(
        "print", language="en").stderr
