"""The test servers are the platforms' side: they must not import the code they test.

A server that checks a signature with Packdesk's own `sign()` agrees with any mistake in it.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVERS = Path(__file__).resolve().parents[2] / "channel_servers"
PACKDESK = ("app", "sync", "printing", "ui", "scanners", "main")


def imported_modules(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", "")) in ("import_module", "__import__") and node.args \
                and isinstance(node.args[0], ast.Constant):
            names.append(str(node.args[0].value))
    return names


def test_the_check_sees_every_way_of_importing():
    source = ("import sync.base\nfrom app.domain import x\nimport importlib\n"
              "importlib.import_module('printing.labels')\n")
    assert imported_modules(source) == ["sync.base", "app.domain", "importlib",
                                        "printing.labels"]


def test_no_channel_server_imports_packdesk_code():
    files = sorted(SERVERS.glob("*.py"))
    assert files, f"no test servers found under {SERVERS}"
    offenders = [f"{path.name}: {name}" for path in files
                 for name in imported_modules(path.read_text(encoding="utf-8"))
                 if name.split(".")[0] in PACKDESK]
    assert offenders == []
