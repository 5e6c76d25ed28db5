"""The test servers (channels, carriers, robots) are written from the platforms'
documentation and never import Packdesk: a signature or a state rule checked with our own
code proves nothing (issue 16, "Test servers that can fail the adapter"). Every import in
tests/channel_servers, top level or inside a function, is read here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVERS = sorted((ROOT / "tests" / "channel_servers").glob("*.py"))
PACKDESK = {"app", "sync", "printing", "ui", "scanners", "main"}


def imported_packages(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_check_sees_imports_anywhere_in_a_module():
    source = "import json\ndef f():\n    from sync.cn_open import md5_wrapped\n"
    assert imported_packages(source) & PACKDESK == {"sync"}


def test_there_are_servers_to_check():
    assert {"taobao_server.py", "pdd_server.py", "jd_server.py", "douyin_server.py"} <= \
        {path.name for path in SERVERS}


@pytest.mark.parametrize("path", SERVERS, ids=[p.name for p in SERVERS])
def test_a_test_server_imports_nothing_of_packdesk(path):
    assert imported_packages(path.read_text(encoding="utf-8")) & PACKDESK == set()
